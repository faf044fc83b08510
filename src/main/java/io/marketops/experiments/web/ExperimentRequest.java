package io.marketops.experiments.web;

import io.marketops.experiments.ExperimentDesign;
import io.marketops.experiments.Variant;

import java.util.List;

/**
 * The body that creates (POST) or changes (PATCH) an experiment. In a PATCH, omitted fields
 * keep their current value.
 *
 * @param owner who answers for it; the caller when omitted at creation
 */
record ExperimentRequest(String key, String name, String hypothesis, String owner, List<Variant> variants, String primaryMetric,
                         List<String> secondaryMetrics, List<String> guardrailMetrics) {

    ExperimentDesign design(String defaultOwner) {
        return new ExperimentDesign(name, hypothesis, owner == null || owner.isBlank() ? defaultOwner : owner, variants, primaryMetric,
                secondaryMetrics, guardrailMetrics);
    }

    /** The current design with the fields this request carries replaced. */
    ExperimentDesign changes(ExperimentDesign current) {
        return new ExperimentDesign(name != null ? name : current.name(), hypothesis != null ? hypothesis : current.hypothesis(),
                owner != null ? owner : current.owner(), variants != null ? variants : current.variants(),
                primaryMetric != null ? primaryMetric : current.primaryMetric(),
                secondaryMetrics != null ? secondaryMetrics : current.secondaryMetrics(),
                guardrailMetrics != null ? guardrailMetrics : current.guardrailMetrics());
    }
}
