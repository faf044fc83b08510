package io.marketops.collect;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingestion throughput with durability on (docs/benchmarks.md): a production-like server in a
 * child JVM, the shipped load generator on the same two cores. Run with
 * {@code mvn -B test -Dtest=IngestBenchmarkTests -DexcludedGroups=none}.
 */
@Tag("benchmark")
class IngestBenchmarkTests {

    @Test
    void sustainsAtLeastOneHundredThousandEventsPerSecond() throws Exception {
        long total = Long.getLong("bench.events", 2_000_000L);
        int threads = Integer.getInteger("bench.threads", 4);
        try (ServerProcess server = new ServerProcess(Files.createTempDirectory("mo-bench"))) {
            server.start();
            IngestLoad.run(server.base(), ServerProcess.WRITE_KEY, ServerProcess.TOKEN, "warm", 100_000, 1000, threads);
            IngestLoad.Result r = IngestLoad.run(server.base(), ServerProcess.WRITE_KEY, ServerProcess.TOKEN, "bench", total, 1000, threads);
            System.out.println("BENCHMARK ingest: " + r);
            assertThat(r.failedBatches()).isZero();
            assertThat(r.ackedPerSecond()).isGreaterThanOrEqualTo(100_000);
        }
    }
}
