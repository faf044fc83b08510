package io.marketops.experiments.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.experiments.Assignments;
import io.marketops.experiments.Bucketing;
import io.marketops.experiments.ExperimentResults;
import io.marketops.experiments.Experiments;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures for docs/benchmarks.md: assignments with exposure recording, the copy into the
 * warehouse, and the results query over many exposed users. Prints lines starting with BENCHMARK.
 * {@code mvn -B test -Dgroups=benchmark -DexcludedGroups= -Dtest=ExperimentsBenchmarkTests}
 */
@Tag("benchmark")
@IntegrationTest
@org.springframework.test.context.TestPropertySource(properties = "marketops.experiments.exposure-sync=1h")  // the benchmark copies itself
class ExperimentsBenchmarkTests {
    static final int ASSIGNMENTS = 20_000;
    static final int EXPOSED = 500_000;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Experiments experiments;
    @Autowired
    Assignments assignments;
    @Autowired
    ExposureSync sync;
    @Autowired
    ExperimentResults results;
    @Autowired
    Warehouse warehouse;

    @Test
    void assignmentsExposureCopyAndResults() {
        WorkspaceId ws = workspaces.create("bench").workspace().id();
        experiments.create(ws, "bench", ExperimentResultsIntegrationTests.design());
        experiments.start(ws, "bench");

        long t0 = System.nanoTime();
        for (int i = 0; i < ASSIGNMENTS; i++) assignments.assign(ws, "bench", "u" + i, true);
        long t1 = System.nanoTime();
        int copied = sync.syncAll();
        long t2 = System.nanoTime();
        print("assignments with first exposure recorded", ASSIGNMENTS, t1 - t0);
        print("exposures copied into the warehouse", copied, t2 - t1);
        assertThat(copied).isEqualTo(ASSIGNMENTS);

        // many more exposed users, written straight into the warehouse, with two purchases for every third
        Instant at = Instant.now().minusSeconds(3600);
        long t3 = System.nanoTime();
        warehouse.append(a -> {
            for (int i = ASSIGNMENTS; i < EXPOSED; i++) {
                String user = "u" + i;
                String variant = Bucketing.variantIndex("bench", user, new double[]{1, 1}) == 0 ? "control" : "big";
                a.event(new EventRow(ws.value(), "x-" + i, "track", "$experiment_viewed", null, user, at, at, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        "{\"experimentKey\":\"bench\",\"variant\":\"" + variant + "\"}", null, null));
                if (i % 5 == 0) {   // bought before the experiment: CUPED's pre-period
                    a.event(new EventRow(ws.value(), "pre-" + i, "track", "purchase", user, user, at.minusSeconds(2 * 86400), at, null,
                            null, null, null, null, null, null, null, null, null, null, null, null, null, null, "web",
                            new BigDecimal("66.00"), "CNY", "pre-" + i, null, null, null));
                }
                if (i % 3 == 0) {
                    for (int k = 0; k < 2; k++) {
                        a.event(new EventRow(ws.value(), "p-" + i + "-" + k, "track", "purchase", user, user, at.plusSeconds(60), at, null,
                                null, null, null, null, null, null, null, null, null, null, null, null, null, null, "web",
                                new BigDecimal("88.00"), "CNY", "o-" + i + "-" + k, null, null, null));
                    }
                }
            }
        });
        // every tenth visitor was identified as a member (the identity links results are matched through)
        warehouse.sql().sql("INSERT INTO identities SELECT ?, 'u' || i, 'member-' || i, 'identify', now(), now() FROM range(?, ?, 10) t(i)")
                .params(ws.value(), ASSIGNMENTS, EXPOSED).update();
        long t4 = System.nanoTime();
        var computed = results.compute(ws, "bench", ExperimentResults.Settings.defaults());
        long t5 = System.nanoTime();
        print("synthetic exposures + purchases appended, identities linked", EXPOSED - ASSIGNMENTS + (EXPOSED - ASSIGNMENTS) / 3 * 2
                + (EXPOSED - ASSIGNMENTS) / 5, t4 - t3);
        print("results (orders and GMV per exposed person with CUPED, 2 metrics)", EXPOSED, t5 - t4);
        assertThat(computed.get(0).cuped()).isTrue();
        long users = computed.get(0).report().variants().stream().mapToLong(v -> v.users()).sum();
        assertThat(users).isEqualTo(EXPOSED);
    }

    private static void print(String what, long n, long nanos) {
        double s = nanos / 1e9;
        System.out.printf("BENCHMARK experiments: %s: %,d in %.2f s (%,.0f/s)%n", what, n, s, n / s);
    }
}
