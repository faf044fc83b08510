package io.marketops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Import speed, reported in docs/benchmarks.md. Run with
 * {@code mvn -B test -Dtest=ImportBenchmarks -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 * Times include the HTTP upload; memory is the JVM's peak heap use during the import.
 */
@Tag("benchmark")
@IntegrationTest
class ImportBenchmarks {
    @LocalServerPort int port;
    @Autowired TestWorkspaces workspaces;

    @Test
    void millionRowAdCostCsv() {
        StringBuilder csv = new StringBuilder(80_000_000).append("日期,渠道,计划名称,广告组名称,展现量,点击量,消耗,转化数,转化金额\n");
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 1_000_000; i++) {
            csv.append(start.plusDays(i % 365)).append(",douyin,计划").append(i / 365 % 100).append(",组").append(i / 36_500)
                    .append(',').append(1000 + i % 9000).append(',').append(10 + i % 90).append(',').append(i % 1000).append(".25,")
                    .append(i % 7).append(',').append(i % 500).append(".5\n");
        }
        measure("ad-costs", "million.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, 1_000_000);
    }

    @Test
    void onlineRetailOrders() {
        var gz = OnlineRetail.gz().orElse(null);
        assumeThat(gz).isNotNull();
        measure("orders", "online_retail.csv", OnlineRetail.csv(gz), OnlineRetail.MAPPING, OnlineRetail.LINES);
    }

    private void measure(String kind, String name, byte[] content, String mapping, long rows) {
        var ws = workspaces.create("bench");
        System.gc();
        PeakHeap peak = new PeakHeap();
        long t0 = System.nanoTime();
        JsonNode s = ImportsApiPolling.importAndWait(new ImportClient(port, ws.token()), port, ws.token(), kind, name, content, mapping);
        double seconds = (System.nanoTime() - t0) / 1e9;
        peak.finish();
        assertThat(s.get("rows").asLong()).isEqualTo(rows);
        System.out.printf("BENCHMARK import %s: %,d rows (%.1f MB) in %.1f s = %,.0f rows/s; peak heap %.0f MB (file held by the test itself: %.0f MB)%n",
                kind, rows, content.length / 1e6, seconds, rows / seconds, peak.max / 1e6, content.length / 1e6);
    }

    /** Samples used heap every 50 ms. */
    private static final class PeakHeap extends Thread {
        volatile long max;
        volatile boolean running = true;

        PeakHeap() {
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            while (running) {
                long used = 0;
                for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) used += p.getUsage().getUsed();
                max = Math.max(max, used);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() {
            running = false;
        }
    }
}
