package io.marketops.experiments.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.experiments.Assignments;
import io.marketops.experiments.ExperimentDesign;
import io.marketops.experiments.ExperimentResults;
import io.marketops.experiments.Experiments;
import io.marketops.experiments.Variant;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Exposures travel to the warehouse exactly once and results count what exposed users did
 * afterwards: orders and GMV per user, against sums computed here from the same made-up data.
 */
@IntegrationTest
class ExperimentResultsIntegrationTests {
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Experiments experiments;
    @Autowired
    Assignments assignments;
    @Autowired
    ExperimentResults results;
    @Autowired
    ExposureSync sync;
    @Autowired
    Warehouse warehouse;
    @Autowired
    JdbcClient db;

    static ExperimentDesign design() {
        return new ExperimentDesign("Checkout button", "A bigger button raises orders", "analyst",
                List.of(new Variant("control", null, 1), new Variant("big", null, 1)), "orders", List.of("gmv"), List.of("roas"));
    }

    @Test
    void resultsCountWhatExposedUsersDidAfterwardsOnceEach() {
        WorkspaceId ws = workspaces.create("results").workspace().id();
        experiments.create(ws, "button", design());
        experiments.start(ws, "button");
        Map<String, double[]> expected = new HashMap<>();   // variant → users, orders, orders², gmv, gmv²
        Map<String, String> variantOf = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            String user = "user-" + i;
            String v = assignments.assign(ws, "button", user, true).variant();
            variantOf.put(user, v);
            expected.computeIfAbsent(v, k -> new double[5])[0]++;
        }
        assignments.assign(ws, "button", "user-1", true);   // a second look is the same exposure
        Instant after = Instant.now();
        warehouse.append(a -> {
            for (int i = 0; i < 300; i += 3) {
                String user = "user-" + i;
                int orders = 1 + i % 2;
                for (int k = 0; k < orders; k++) {
                    a.event(purchase(ws.value(), user, i % 6 == 0 ? null : user, "o-" + i + "-" + k, after, new BigDecimal("99.00")));
                }
                double[] x = expected.get(variantOf.get(user));
                x[1] += orders;
                x[2] += orders * orders;
                x[3] += 99.0 * orders;
                x[4] += Math.pow(99.0 * orders, 2);
            }
            // before exposure (does not count) and by someone never exposed (does not count)
            a.event(purchase(ws.value(), "user-0", "user-0", "early", after.minusSeconds(3600), new BigDecimal("500.00")));
            a.event(purchase(ws.value(), "stranger", "stranger", "s-1", after, new BigDecimal("500.00")));
        });
        experiments.stop(ws, "button");

        var computed = results.compute(ws, "button", ExperimentResults.Settings.defaults());
        assertThat(computed).extracting(ExperimentResults.MetricResult::metric).containsExactly("orders", "gmv", "roas");
        assertThat(computed.get(2).computed()).as("roas has no per-user definition").isFalse();
        for (var variant : computed.get(0).analysis().variants()) {
            double[] x = expected.get(variant.name());
            assertThat(variant.users()).isEqualTo((long) x[0]);
            assertThat(variant.sum()).isEqualTo(x[1]);
            assertThat(variant.sumSquares()).isEqualTo(x[2]);
        }
        for (var variant : computed.get(1).analysis().variants()) {
            double[] x = expected.get(variant.name());
            assertThat(variant.sum()).isCloseTo(x[3], within(1e-6));
            assertThat(variant.sumSquares()).isCloseTo(x[4], within(1e-3));
        }
        assertThat(exposureEvents(ws)).isEqualTo(300);

        // a crash after the append but before the "warehoused" mark: the retry must not duplicate
        db.sql("UPDATE experiment_exposures SET warehoused = FALSE WHERE workspace_id = ?").param(ws.value()).update();
        sync.syncAll();
        assertThat(exposureEvents(ws)).isEqualTo(300);
        var again = results.compute(ws, "button", ExperimentResults.Settings.defaults());
        assertThat(again.get(0).report().variants().get(0).users()).isEqualTo(computed.get(0).report().variants().get(0).users());
    }

    private long exposureEvents(WorkspaceId ws) {
        return warehouse.sql().sql("SELECT count(*) FROM events WHERE workspace_id = ? AND event = '$experiment_viewed'")
                .param(ws.value()).query(Long.class).single();
    }

    private static EventRow purchase(long ws, String anonymousId, String userId, String orderId, Instant at, BigDecimal revenue) {
        return new EventRow(ws, "m-" + orderId + "-" + anonymousId, "track", "purchase", userId, anonymousId, at, at, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, "web", revenue, "CNY", orderId,
                null, null, null);
    }
}
