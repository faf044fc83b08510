package io.marketops.experiments.web;

import io.marketops.experiments.ExperimentDesign;
import io.marketops.experiments.Variant;

import java.util.List;
import java.util.Map;

/**
 * The body that creates (POST) or changes (PATCH) an experiment. In a PATCH, omitted fields
 * keep their current value.
 *
 * @param owner         who answers for it; the caller when omitted at creation
 * @param coverage      share of traffic in the experiment, (0, 1], default 1
 * @param targeting     attribute → allowed values; default none (everyone)
 * @param prePeriodDays CUPED look-back before each user's first exposure, 0–90 days, default 14 (0 = off)
 */
record ExperimentRequest(String key, String name, String hypothesis, String owner, List<Variant> variants, String primaryMetric,
                         List<String> secondaryMetrics, List<String> guardrailMetrics, Double coverage,
                         Map<String, List<String>> targeting, Integer prePeriodDays) {

    ExperimentDesign design(String defaultOwner) {
        return new ExperimentDesign(name, hypothesis, owner == null || owner.isBlank() ? defaultOwner : owner, variants, primaryMetric,
                secondaryMetrics, guardrailMetrics).with(coverage, targeting, prePeriodDays);
    }

    /** The current design with the fields this request carries replaced. */
    ExperimentDesign changes(ExperimentDesign current) {
        return new ExperimentDesign(name != null ? name : current.name(), hypothesis != null ? hypothesis : current.hypothesis(),
                owner != null ? owner : current.owner(), variants != null ? variants : current.variants(),
                primaryMetric != null ? primaryMetric : current.primaryMetric(),
                secondaryMetrics != null ? secondaryMetrics : current.secondaryMetrics(),
                guardrailMetrics != null ? guardrailMetrics : current.guardrailMetrics(), current.coverage(), current.targeting(),
                current.prePeriodDays()).with(coverage, targeting, prePeriodDays);
    }
}
