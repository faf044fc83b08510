package io.marketops.experiments;

import io.marketops.core.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A design is checked when it is made, and every problem names its field. */
class ExperimentDesignTests {

    static void assertField(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidRequest.class, e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field));
    }

    static List<Variant> two() {
        return List.of(new Variant("control", null, 1), new Variant("b", null, 1));
    }

    @Test
    void requiresNameHypothesisOwnerAndPrimaryMetric() {
        assertField(() -> new ExperimentDesign(" ", "h", "o", two(), "orders", null, null), "name");
        assertField(() -> new ExperimentDesign("n", null, "o", two(), "orders", null, null), "hypothesis");
        assertField(() -> new ExperimentDesign("n", "h", "", two(), "orders", null, null), "owner");
        assertField(() -> new ExperimentDesign("n", "h", "o", two(), null, null, null), "primaryMetric");
    }

    @Test
    void checksVariantsKeysAndWeights() {
        assertField(() -> new ExperimentDesign("n", "h", "o", List.of(new Variant("control", null, 1)), "orders", null, null), "variants");
        assertField(() -> new ExperimentDesign("n", "h", "o", List.of(new Variant("control", null, 1), new Variant("Control B", null, 1)), "orders", null, null), "variants[1].key");
        assertField(() -> new ExperimentDesign("n", "h", "o", List.of(new Variant("a", null, 1), new Variant("a", null, 1)), "orders", null, null), "variants[1].key");
        assertField(() -> new ExperimentDesign("n", "h", "o", List.of(new Variant("a", null, -1), new Variant("b", null, 1)), "orders", null, null), "variants[0].weight");
        assertField(() -> new ExperimentDesign("n", "h", "o", List.of(new Variant("a", null, 0), new Variant("b", null, 0)), "orders", null, null), "variants");
    }

    @Test
    void aMetricIsListedOnlyOnce() {
        assertField(() -> new ExperimentDesign("n", "h", "o", two(), "orders", List.of("gmv"), List.of("orders")), "guardrailMetrics[0]");
        assertField(() -> new ExperimentDesign("n", "h", "o", two(), "orders", List.of("gmv", "gmv"), null), "secondaryMetrics[1]");
    }
}
