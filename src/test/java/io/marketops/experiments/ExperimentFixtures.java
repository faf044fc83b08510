package io.marketops.experiments;

import io.marketops.core.WorkspaceId;

import java.time.Instant;
import java.util.List;

/** Experiments in a known state, for tests. */
public final class ExperimentFixtures {
    public static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");

    private ExperimentFixtures() {
    }

    public static ExperimentDesign titleTest() {
        return new ExperimentDesign("New product title", "A title naming the benefit raises orders per visitor", "analyst@brand.cn",
                List.of(new Variant("control", "Current title", 1), new Variant("benefit", "Benefit title", 1)), "orders",
                List.of("gmv"), List.of("uv"));
    }

    public static Experiment draft() {
        return new Experiment(1, WorkspaceId.of(1), "title-test", titleTest(), ExperimentStatus.DRAFT, null, null, null, null, null, null, T0);
    }

    public static Experiment running() {
        return draft().start(T0.plusSeconds(60));
    }

    public static Experiment stopped() {
        return running().stop(T0.plusSeconds(7 * 86400));
    }
}
