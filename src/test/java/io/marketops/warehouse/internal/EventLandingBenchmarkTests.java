package io.marketops.warehouse.internal;

import io.marketops.warehouse.EventRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the landing zone costs against an insert into the native table, on rows like the ingest
 * benchmark's (docs/benchmarks.md, "Live event collection"): landing, absorbing, and a grouped
 * query over landed files against the same query after the absorb.
 * Run: {@code mvn -B test -Dgroups=benchmark -DexcludedGroups= -Dtest=EventLandingBenchmarkTests}.
 */
@Tag("benchmark")
class EventLandingBenchmarkTests {
    @TempDir
    Path dir;

    private static final String[] SOURCES = {"douyin", "xiaohongshu", "baidu", "wechat", "weibo"};

    static EventRow row(long n) {
        Instant ts = Instant.parse("2026-10-01T00:00:00Z").plusSeconds(n % (28 * 86_400));
        String src = SOURCES[(int) (n % SOURCES.length)];
        return new EventRow(1, "bench-" + n, "track", "add_to_cart", "u" + (n % 50_000), null, ts, Instant.now(), "s" + (n % 77_777), src, src,
                "cpc", null, null, null, null, null, null, null, null, null, null, null, "server", null, null, null,
                "{\"sku\":\"s" + (n % 31) + "\",\"price\":" + (n % 97) + "}", null, "{\"campaign\":{\"source\":\"" + src + "\",\"medium\":\"cpc\"}}");
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private record Took(double wallMs, double cpuUsPerRow) {
        @Override
        public String toString() {
            return String.format("%.0f ms wall, %.2f µs CPU per row", wallMs, cpuUsPerRow);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Took time(long rows, Work w) throws Exception {
        long t0 = System.nanoTime(), c0 = cpu();
        w.run();
        return new Took((System.nanoTime() - t0) / 1e6, (cpu() - c0) / 1e3 / rows);
    }

    @Test
    void landingCostsLessThanInsertingAndAbsorbingKeepsEveryRowOnce() throws Exception {
        int files = Integer.getInteger("bench.files", 20), perFile = Integer.getInteger("bench.rows", 100_000);
        long total = (long) files * perFile;
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, new WarehouseProperties(Duration.ofHours(1), 100_000, Duration.ZERO), e -> { })) {
            // warm-up: JIT and DuckDB's first use of each path
            w.landEvents(a -> { for (long n = 0; n < 50_000; n++) a.event(row(100_000_000L + n)); });
            w.append(a -> { for (long n = 0; n < 50_000; n++) a.event(row(200_000_000L + n)); });
            w.absorbLanded();
            long base = w.sql().sql("SELECT count(*) FROM events").query(Long.class).single();

            Took insert = time(total, () -> {
                for (int f = 0; f < files; f++) {
                    long from = 10_000_000L + (long) f * perFile;
                    w.append(a -> { for (long n = from; n < from + perFile; n++) a.event(row(n)); });
                }
            });
            Took land = time(total, () -> {
                for (int f = 0; f < files; f++) {
                    long from = (long) f * perFile;
                    w.landEvents(a -> { for (long n = from; n < from + perFile; n++) a.event(row(n)); });
                }
            });
            String query = "SELECT CAST(ts AS DATE) AS d, channel, count(*), count(DISTINCT user_id) FROM events WHERE workspace_id = 1 GROUP BY ALL";
            Took queryLanded = time(total, () -> w.sql().sql(query).query().listOfRows());
            Took absorb = time(total, w::absorbLanded);
            Took queryAbsorbed = time(total, () -> w.sql().sql(query).query().listOfRows());
            System.out.printf("BENCHMARK landing: %d rows in %d files%n  insert into the native table (CSV staging + COPY): %s%n"
                            + "  landing as Parquet (CSV staging + COPY TO + fsync): %s%n  absorbing the landed files: %s%n"
                            + "  grouped query, half the rows landed: %s; after the absorb: %s%n",
                    total, files, insert, land, absorb, queryLanded, queryAbsorbed);
            assertThat(w.sql().sql("SELECT count(*) FROM events").query(Long.class).single()).isEqualTo(base + 2 * total);
            assertThat(w.sql().sql("SELECT count(DISTINCT message_id) FROM events").query(Long.class).single()).isEqualTo(base + 2 * total);
            assertThat(land.cpuUsPerRow()).isLessThan(insert.cpuUsPerRow());
        }
    }
}
