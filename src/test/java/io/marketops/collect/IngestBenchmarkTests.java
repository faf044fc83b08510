package io.marketops.collect;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingestion throughput with durability on (docs/benchmarks.md): a production-like server in a
 * child JVM, the shipped load generator on the same two cores, sending for {@code bench.seconds}
 * (60) from {@code bench.threads} (6) connections (each waits for its group commit's fsync, so a few
 * concurrent requests share one). Prints the rate, the longest time from an
 * acknowledgement to the event being counted stored, and CPU per thread group of both processes.
 * {@code -Dbench.paceWait=0s} turns off pacing (requests no longer wait for the warehouse), which
 * measures the acknowledgement path alone; {@code -Dbench.jfr=/path.jfr} records a flight recording.
 * Run: {@code mvn -B test -Dgroups=benchmark -DexcludedGroups= -Dtest=IngestBenchmarkTests}.
 */
@Tag("benchmark")
class IngestBenchmarkTests {

    @Test
    void sustainsAtLeastOneHundredThousandEventsPerSecond() throws Exception {
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "60"));
        int threads = Integer.getInteger("bench.threads", 6), batch = Integer.getInteger("bench.batch", 1000);
        try (ServerProcess server = new ServerProcess(Files.createTempDirectory("mo-bench"))) {
            // the 15-minute anomaly check would run a first detection in the middle of the measurement
            server.env("MARKETOPS_ANOMALIES_CHECK_CRON", "-");
            // -Dbench.absorbMaxFiles=N: the absorber moves landed files into the native table while events still land
            if (System.getProperty("bench.absorbMaxFiles") != null) server.env("MARKETOPS_WAREHOUSE_ABSORB_MAX_FILES", System.getProperty("bench.absorbMaxFiles"));
            if (System.getProperty("bench.paceWait") != null) server.env("MARKETOPS_COLLECT_MAX_PACE_WAIT", System.getProperty("bench.paceWait"));
            List<String> jvm = new ArrayList<>();
            if (System.getProperty("bench.jfr") != null) jvm.add("-XX:StartFlightRecording=filename=" + System.getProperty("bench.jfr") + ",settings=profile");
            server.start(jvm.toArray(String[]::new));
            IngestLoad.run(server.base(), ServerProcess.WRITE_KEY, ServerProcess.TOKEN, "warm", 10, 200_000, batch, threads);
            Map<String, Long> s0 = ThreadCpu.snapshot(server.pid()), c0 = ThreadCpu.snapshot(ProcessHandle.current().pid());
            long t0 = System.nanoTime();
            IngestLoad.Result r = IngestLoad.run(server.base(), ServerProcess.WRITE_KEY, ServerProcess.TOKEN, "bench", seconds, Long.MAX_VALUE,
                    batch, threads);
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.println("BENCHMARK ingest: " + r);
            System.out.println("BENCHMARK ingest server CPU: " + ThreadCpu.between(s0, ThreadCpu.snapshot(server.pid()), wall));
            System.out.println("BENCHMARK ingest load generator CPU: " + ThreadCpu.between(c0, ThreadCpu.snapshot(ProcessHandle.current().pid()), wall));
            assertThat(r.failedBatches()).isZero();
            assertThat(r.ackedPerSecond()).isGreaterThanOrEqualTo(100_000);
        }
    }
}
