package io.marketops.metrics.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.demo.DemoGenerator;
import io.marketops.demo.GeneratorSpec;
import io.marketops.metrics.FunnelQuery;
import io.marketops.metrics.FunnelResult;
import io.marketops.metrics.MetricQuery;
import io.marketops.metrics.MetricQuery.Granularity;
import io.marketops.warehouse.StandaloneWarehouse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static io.marketops.metrics.internal.Facts.workspaces;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics targets of docs/benchmarks.md on 10,000,000 generated events (workspace 1) and the
 * demo workspace (3: the demo generator's data, seed 42, 180 days, ≈ 745,000 events):
 * a 4-step funnel with a 7-day window within 1.5× of the same funnel hand-written in DuckDB SQL
 * and at least 10× faster than that SQL on PostgreSQL; a channel × day query over 90 days under
 * 1 s; the home dashboard's p95 under 300 ms. Run: see docs/benchmarks.md.
 */
@Tag("benchmark")
class MetricsBenchmarkTests {
    static final long BIG = 1, DEMO = 3;
    static final LocalDate DEMO_END = LocalDate.parse("2026-09-27");
    /** Bump when {@link BenchmarkData} changes, so kept data is generated again. */
    static final int DATA_VERSION = 3;
    static final String START = "2026-07-01 00:00:00+08";
    static final String[] STEPS = {"view_item", "add_to_cart", "checkout", "purchase"};
    /** Generated once and kept (about 1 GB): {@code -Dmarketops.bench.dir=…}, default target/bench-metrics. */
    static final Path dir = Path.of(System.getProperty("marketops.bench.dir", "target/bench-metrics")).toAbsolutePath();
    static StandaloneWarehouse warehouse;
    static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void generate() {
        warehouse = StandaloneWarehouse.open(dir.resolve("warehouse"));
        warehouse.sql().sql("CREATE TABLE IF NOT EXISTS bench_meta (version INTEGER)").update();
        if (warehouse.sql().sql("SELECT count(*) FROM bench_meta WHERE version = " + DATA_VERSION).query(Long.class).single() == 0) {
            warehouse.sql().sql("DELETE FROM events_stored WHERE workspace_id = 1").update();
            warehouse.sql().sql("DELETE FROM orders WHERE workspace_id = 1").update();
            warehouse.sql().sql("DELETE FROM ad_costs WHERE workspace_id = 1").update();
            long t0 = System.nanoTime();
            BenchmarkData.events(warehouse, BIG, 10_000_000, 500_000, 90, START);
            BenchmarkData.ordersAndCosts(warehouse, BIG, 500_000, 500_000, 90, START);
            warehouse.sql().sql("DELETE FROM bench_meta").update();
            warehouse.sql().sql("INSERT INTO bench_meta VALUES (" + DATA_VERSION + ")").update();
            note("generated 10,000,000 events in %.1f s", (System.nanoTime() - t0) / 1e9);
        }
        if (warehouse.sql().sql("SELECT count(*) FROM events WHERE workspace_id = " + DEMO).query(Long.class).single() == 0) {
            long t0 = System.nanoTime();
            warehouse.append(sink -> new DemoGenerator().generate(GeneratorSpec.of(42, DEMO, DEMO_END), sink));
            note("demo workspace generated (DemoGenerator, seed 42, 180 days to %s) in %.1f s", DEMO_END, (System.nanoTime() - t0) / 1e9);
        }
        note("data in %s: %,d events in the big workspace, %,d in the demo workspace", dir,
                warehouse.sql().sql("SELECT count(*) FROM events WHERE workspace_id = 1").query(Long.class).single(),
                warehouse.sql().sql("SELECT count(*) FROM events WHERE workspace_id = " + DEMO).query(Long.class).single());
    }

    @AfterAll
    static void close() throws Exception {
        warehouse.close();
        Path out = Path.of("target", "benchmarks", "metrics.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    static void note(String format, Object... args) {
        String line = String.format(format, args);
        report.add(line);
        System.out.println("[benchmark] " + line);
    }

    /** CPU time of this process so far, in ms (all threads, DuckDB's included): a figure the other engineers' load does not inflate. */
    static double cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }

    /** Median wall time in ms of {@code runs} runs after one warm-up. */
    static double median(int runs, Runnable r) {
        r.run();
        double[] ms = new double[runs];
        for (int k = 0; k < runs; k++) {
            long t = System.nanoTime();
            r.run();
            ms[k] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    /** The same funnel as a person writes it: first match after the previous step within 7 days of the entry, furthest entry per person. */
    static String handWritten(String table) {
        return handWritten(table, BIG);
    }

    static String handWritten(String table, long ws) {
        String end = "TIMESTAMPTZ '2026-08-01 00:00:00+08'";
        return """
                WITH ev AS (SELECT coalesce(user_id, anonymous_id) AS person, ts, event FROM %1$s
                            WHERE workspace_id = %4$d AND event IN ('view_item', 'add_to_cart', 'checkout', 'purchase')
                              AND ts >= TIMESTAMPTZ '%2$s' AND ts < %3$s + INTERVAL '7 days'),
                s1 AS (SELECT person, ts AS t1 FROM ev WHERE event = 'view_item' AND ts < %3$s),
                s2 AS (SELECT s.person, s.t1, min(e.ts) AS t2 FROM s1 s LEFT JOIN ev e ON e.person = s.person AND e.event = 'add_to_cart'
                         AND e.ts > s.t1 AND e.ts <= s.t1 + INTERVAL '7 days' GROUP BY s.person, s.t1),
                s3 AS (SELECT s.person, s.t1, s.t2, min(e.ts) AS t3 FROM s2 s LEFT JOIN ev e ON e.person = s.person AND e.event = 'checkout'
                         AND e.ts > s.t2 AND e.ts <= s.t1 + INTERVAL '7 days' GROUP BY s.person, s.t1, s.t2),
                s4 AS (SELECT s.person, s.t1, s.t2, s.t3, min(e.ts) AS t4 FROM s3 s LEFT JOIN ev e ON e.person = s.person AND e.event = 'purchase'
                         AND e.ts > s.t3 AND e.ts <= s.t1 + INTERVAL '7 days' GROUP BY s.person, s.t1, s.t2, s.t3),
                per AS (SELECT person, max(CASE WHEN t4 IS NOT NULL THEN 4 WHEN t3 IS NOT NULL THEN 3 WHEN t2 IS NOT NULL THEN 2 ELSE 1 END) AS reached
                        FROM s4 GROUP BY person)
                SELECT count(*), count(*) FILTER (WHERE reached >= 2), count(*) FILTER (WHERE reached >= 3), count(*) FILTER (WHERE reached >= 4) FROM per
                """.formatted(table, START, end, ws);
    }

    static FunnelQuery funnel() {
        return new FunnelQuery(Arrays.stream(STEPS).map(FunnelQuery.Step::of).toList(), Duration.ofDays(7),
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-31"), FunnelQuery.Order.STRICT, null);
    }

    static long[] counts(Supplier<ResultSet> rs) {
        try (ResultSet r = rs.get()) {
            r.next();
            return new long[]{r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)};
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void funnelIsCloseToHandWrittenDuckDb() {
        FunnelEngine engine = new FunnelEngine(warehouse, workspaces(BIG, DEMO), MetricsProperties.defaults(), Optional.of(new ActivityRollup(warehouse)));
        long[] expected = duckCounts(BIG);
        // from scratch, as on the first funnel after an upgrade: the call rebuilds the range's days (rollup and projection)
        warehouse.sql().sql("DELETE FROM metrics_activity_days WHERE workspace_id = 1").update();
        java.time.Instant before = java.time.Instant.now();
        long t0 = System.nanoTime();
        assertThat(engine.run(WorkspaceId.of(BIG), funnel()).steps().stream().mapToLong(FunnelResult.StepResult::users).toArray()).containsExactly(expected);
        note("first funnel call, building rollup + step-event projection for the range's days (%s): %.1f s", rebuilt(before), (System.nanoTime() - t0) / 1e9);
        note("funnel people per step: %s", Arrays.toString(expected));
        FunnelEngine raw = new FunnelEngine(warehouse, workspaces(BIG, DEMO), MetricsProperties.defaults(), Optional.empty());
        assertThat(raw.run(WorkspaceId.of(BIG), funnel())).as("the projection answers what events answer").isEqualTo(engine.run(WorkspaceId.of(BIG), funnel()));
        note("funnel over events (no projection): %.0f ms", median(3, () -> raw.run(WorkspaceId.of(BIG), funnel())));
        double engineMs = median(5, () -> engine.run(WorkspaceId.of(BIG), funnel()));
        double duckMs = median(5, () -> warehouse.sql().sql(handWritten("events")).query((org.springframework.jdbc.core.ResultSetExtractor<Boolean>) rs -> rs.next()));
        note("4-step funnel, 7-day window, 10M events: engine %.0f ms, hand-written DuckDB SQL %.0f ms, ratio %.2f", engineMs, duckMs, engineMs / duckMs);
        assertThat(engineMs / duckMs).as("within 1.5x of hand-written DuckDB SQL").isLessThanOrEqualTo(1.5);
    }

    static long[] duckCounts(long ws) {
        return warehouse.sql().sql(handWritten("events", ws)).query(rs -> {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        });
    }

    /**
     * The engine against the same hand-written funnel on PostgreSQL, both over the same events: the 10M-event workspace,
     * or with {@code -Dmarketops.bench.pg.events=N} (N < 10M) a workspace of N generated events (N / 20 people, same
     * generator), when loading 10M rows into PostgreSQL does not fit the time at hand.
     */
    @Test
    void funnelIsTenTimesFasterThanPostgres() throws Exception {
        long events = Long.getLong("marketops.bench.pg.events", 10_000_000L), ws = events >= 10_000_000L ? BIG : 2;
        if (ws != BIG && warehouse.sql().sql("SELECT count(*) FROM events WHERE workspace_id = ?").param(ws).query(Long.class).single() != events) {
            warehouse.sql().sql("DELETE FROM events_stored WHERE workspace_id = ?").param(ws).update();
            BenchmarkData.events(warehouse, ws, events, events / 20, 90, START);
        }
        FunnelEngine engine = new FunnelEngine(warehouse, workspaces(BIG, DEMO), MetricsProperties.defaults(), Optional.of(new ActivityRollup(warehouse)));
        long[] expected = duckCounts(ws);
        java.time.Instant before = java.time.Instant.now();
        long first = System.nanoTime();
        assertThat(engine.run(WorkspaceId.of(ws), funnel()).steps().stream().mapToLong(FunnelResult.StepResult::users).toArray()).containsExactly(expected);
        note("first funnel call of a new engine (compares the range's days with events: %s): %.0f ms", rebuilt(before), (System.nanoTime() - first) / 1e6);
        double engineMs = median(5, () -> engine.run(WorkspaceId.of(ws), funnel()));
        note("4-step funnel on %,d events (people per step %s): engine %.0f ms", events, Arrays.toString(expected), engineMs);

        Path csv = dir.resolve("events.csv");
        warehouse.sql().sql("COPY (SELECT workspace_id, user_id, anonymous_id, ts, event FROM events WHERE workspace_id = " + ws + ") TO '"
                + csv.toString().replace("'", "''") + "' (FORMAT CSV, HEADER false)").update();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "1GB").setServerConfig("work_mem", "256MB").setServerConfig("max_parallel_workers_per_gather", "2")
                .setServerConfig("fsync", "off").start();
             Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            long t0 = System.nanoTime();
            st.execute("CREATE TABLE events (workspace_id BIGINT, user_id TEXT, anonymous_id TEXT, ts TIMESTAMPTZ, event TEXT)");
            st.execute("COPY events FROM '" + csv + "' WITH (FORMAT csv)");
            st.execute("CREATE INDEX events_funnel ON events (workspace_id, event, ts)");
            st.execute("VACUUM ANALYZE events");
            note("PostgreSQL %s: %,d events loaded, indexed on (workspace_id, event, ts) and analysed in %.0f s", pgVersion(st), events, (System.nanoTime() - t0) / 1e9);
            double[] ms = new double[3];
            for (int k = 0; k < ms.length; k++) {
                long t = System.nanoTime();
                assertThat(counts(() -> query(st, handWritten("events", ws)))).as("PostgreSQL finds the same people").containsExactly(expected);
                ms[k] = (System.nanoTime() - t) / 1e6;
                note("  PostgreSQL run %d: %.0f ms", k + 1, ms[k]);
            }
            Arrays.sort(ms);
            double pgMs = ms[1];
            note("same funnel on PostgreSQL (work_mem 256MB, 2 parallel workers, median of 3): %.0f ms; engine is %.1fx faster", pgMs, pgMs / engineMs);
            assertThat(pgMs / engineMs).as("at least 10x faster than PostgreSQL").isGreaterThanOrEqualTo(10);
        }
    }

    /** What a first funnel call did: how many days of workspace 1 it rebuilt (rollup and step-event projection together). */
    static String rebuilt(java.time.Instant since) {
        return warehouse.sql().sql("SELECT count(*) || ' days rebuilt, ' || coalesce(sum(events), 0) || ' events' FROM metrics_activity_days"
                        + " WHERE workspace_id = 1 AND built_at >= CAST(? AS TIMESTAMPTZ)").param(since.toString()).query(String.class).single();
    }

    static String pgVersion(Statement st) throws java.sql.SQLException {
        try (ResultSet r = st.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        }
    }

    static ResultSet query(Statement st, String sql) {
        try {
            return st.executeQuery(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void channelByDayOverNinetyDaysIsUnderOneSecond() {
        var q = new MetricQuery(List.of("pv", "uv"), LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-28"), Granularity.DAY, List.of("channel"), List.of(), MetricQuery.Comparison.NONE);
        MetricEngine raw = Facts.engine(warehouse, Optional.empty(), BIG, DEMO);
        // the rollup from scratch, as on the first query after an upgrade: build + query
        warehouse.sql().sql("DELETE FROM metrics_activity WHERE workspace_id = 1").update();
        warehouse.sql().sql("DELETE FROM metrics_activity_days WHERE workspace_id = 1").update();
        MetricEngine engine = Facts.engine(warehouse, Optional.of(new ActivityRollup(warehouse)), BIG, DEMO);
        long t0 = System.nanoTime();
        List<io.marketops.metrics.MetricResult.Row> rows = engine.run(WorkspaceId.of(BIG), q).rows();
        long rollupRows = warehouse.sql().sql("SELECT count(*) FROM metrics_activity WHERE workspace_id = 1").query(Long.class).single();
        note("rollup (and with it the step-event projection) built for 90 days of 10M events with the first query: %.1f s, %,d rollup rows (%.1fx fewer than events)",
                (System.nanoTime() - t0) / 1e9, rollupRows, 10_000_000.0 / rollupRows);
        assertThat(rows).hasSize(90 * 8);
        // a restarted server: the first query compares the 90 days' event counts, finds nothing stale
        MetricEngine restarted = Facts.engine(warehouse, Optional.of(new ActivityRollup(warehouse)), BIG, DEMO);
        long t1 = System.nanoTime();
        restarted.run(WorkspaceId.of(BIG), q);
        note("first query after a restart (counts of 90 days checked, nothing rebuilt): %.0f ms", (System.nanoTime() - t1) / 1e6);
        double cpu0 = cpuMs();
        double ms = median(5, () -> engine.run(WorkspaceId.of(BIG), q));
        note("pv + uv by channel x day over 90 days, 10M events: %.0f ms (720 rows, from the rollup; CPU %.0f ms per run over both cores)", ms, (cpuMs() - cpu0) / 6);
        long t2 = System.nanoTime();
        assertThat(raw.run(WorkspaceId.of(BIG), q).rows()).as("the rollup answers exactly what events answer").isEqualTo(rows);
        note("the same query over events (no rollup): %.0f ms, identical rows", (System.nanoTime() - t2) / 1e6);
        var withSessions = new MetricQuery(List.of("pv", "uv", "sessions", "bounce_rate"), q.from(), q.to(), Granularity.DAY, List.of("channel"), List.of(), MetricQuery.Comparison.NONE);
        long t3 = System.nanoTime();
        engine.run(WorkspaceId.of(BIG), withSessions);
        note("pv, uv, sessions, bounce_rate by channel x day over 90 days, 10M events: %.0f ms (one run, for reference: sessions read events)", (System.nanoTime() - t3) / 1e6);
        assertThat(ms).isLessThan(1000);
    }

    @Test
    void homeDashboardP95IsUnder300Ms() {
        MetricEngine engine = Facts.engine(warehouse, Optional.of(new ActivityRollup(warehouse)), BIG, DEMO);
        long t0 = System.nanoTime();
        warehouse.sql().sql("DELETE FROM metrics_activity WHERE workspace_id = " + DEMO).update();
        warehouse.sql().sql("DELETE FROM metrics_activity_days WHERE workspace_id = " + DEMO).update();
        new WarehouseOverview(engine, workspaces(BIG, DEMO)).summarize(WorkspaceId.of(DEMO), DEMO_END.minusDays(29), DEMO_END);
        note("home dashboard, demo workspace, first call (builds the rollup for the days it reads): %.0f ms", (System.nanoTime() - t0) / 1e6);
        WarehouseOverview overview = new WarehouseOverview(engine, workspaces(BIG, DEMO));
        LocalDate to = LocalDate.parse("2026-09-27");
        double cpu0 = cpuMs();
        double demo = p95(() -> overview.summarize(WorkspaceId.of(DEMO), to.minusDays(29), to));
        note("home dashboard (8 KPIs with 环比 and 同比, daily series, channel table), demo workspace, last 30 days: p95 %.0f ms over 40 calls (CPU %.0f ms per call)",
                demo, (cpuMs() - cpu0) / 43);
        double big = median(3, () -> overview.summarize(WorkspaceId.of(BIG), to.minusDays(29), to));
        note("home dashboard on the 10M-event workspace, 30 days: median %.0f ms (for reference)", big);
        assertThat(demo).isLessThan(300);
    }

    static double p95(Runnable r) {
        for (int k = 0; k < 3; k++) r.run();
        double[] ms = new double[40];
        for (int k = 0; k < ms.length; k++) {
            long t = System.nanoTime();
            r.run();
            ms[k] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[(int) Math.ceil(0.95 * ms.length) - 1];
    }
}
