package io.marketops.experiments.web;

import io.marketops.experiments.Experiment;
import io.marketops.experiments.Variant;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An experiment as the API shows it; enums in lower case, times as ISO instants (UTC). */
record ExperimentView(String key, String name, String hypothesis, String owner, String status, List<Variant> variants,
                      String primaryMetric, List<String> secondaryMetrics, List<String> guardrailMetrics, Instant startedAt,
                      Instant endedAt, String decision, String shippedVariant, String decisionReason, Instant decidedAt, Instant createdAt,
                      double coverage, Map<String, List<String>> targeting, int prePeriodDays) {

    static ExperimentView of(Experiment e) {
        var d = e.design();
        return new ExperimentView(e.key(), d.name(), d.hypothesis(), d.owner(), lower(e.status()), d.variants(), d.primaryMetric(),
                d.secondaryMetrics(), d.guardrailMetrics(), e.startedAt(), e.endedAt(), lower(e.decision()), e.shippedVariant(),
                e.decisionReason(), e.decidedAt(), e.createdAt(), d.coverage(), d.targeting(), d.prePeriodDays());
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
