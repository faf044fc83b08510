package io.marketops.experiments;

import io.marketops.core.InvalidRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an experiment tests and how: checked on construction, each problem named by its JSON
 * field. Metric ids are checked against the metric catalog by {@link Experiments}.
 *
 * @param variants         2 to 20 arms, the first is the control; weights ≥ 0, not all 0
 * @param primaryMetric    the metric the decision is made on
 * @param guardrailMetrics metrics that must not get worse (a drop blocks shipping)
 * @param coverage         share of (targeted) traffic that enters the experiment, (0, 1]; the rest
 *                         sees the control and is not counted (GrowthBook's coverage)
 * @param targeting        who may enter: attribute → allowed values; a visitor enters only when
 *                         every listed attribute sent with the assignment request has one of its
 *                         values (empty = everyone)
 * @param prePeriodDays    days before each user's first exposure whose activity is used for CUPED
 *                         on the results page; 0 turns CUPED off
 */
public record ExperimentDesign(String name, String hypothesis, String owner, List<Variant> variants, String primaryMetric,
                               List<String> secondaryMetrics, List<String> guardrailMetrics, double coverage,
                               Map<String, List<String>> targeting, int prePeriodDays) {
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    public static final int MAX_VARIANTS = 20;
    public static final int DEFAULT_PRE_PERIOD_DAYS = 14;
    public static final int MAX_PRE_PERIOD_DAYS = 90;

    /** A design with full coverage, no targeting and the default CUPED pre-period. */
    public ExperimentDesign(String name, String hypothesis, String owner, List<Variant> variants, String primaryMetric,
                            List<String> secondaryMetrics, List<String> guardrailMetrics) {
        this(name, hypothesis, owner, variants, primaryMetric, secondaryMetrics, guardrailMetrics, 1.0, Map.of(), DEFAULT_PRE_PERIOD_DAYS);
    }

    /** This design with other coverage, targeting and pre-period (null keeps the current value). */
    public ExperimentDesign with(Double newCoverage, Map<String, List<String>> newTargeting, Integer newPrePeriodDays) {
        return new ExperimentDesign(name, hypothesis, owner, variants, primaryMetric, secondaryMetrics, guardrailMetrics,
                newCoverage != null ? newCoverage : coverage, newTargeting != null ? newTargeting : targeting,
                newPrePeriodDays != null ? newPrePeriodDays : prePeriodDays);
    }

    public ExperimentDesign {
        if (!(coverage > 0 && coverage <= 1)) throw new InvalidRequest("coverage", "must be more than 0 and at most 1 (the share of traffic in the experiment)");
        if (prePeriodDays < 0 || prePeriodDays > MAX_PRE_PERIOD_DAYS) {
            throw new InvalidRequest("prePeriodDays", "must be between 0 (no CUPED) and " + MAX_PRE_PERIOD_DAYS);
        }
        targeting = Targeting.checked(targeting);
        name = text("name", name, 200);
        hypothesis = text("hypothesis", hypothesis, 4000);
        owner = text("owner", owner, 200);
        variants = checkedVariants(variants);
        if (primaryMetric == null || primaryMetric.isBlank()) throw new InvalidRequest("primaryMetric", "is required: the metric the decision is made on");
        primaryMetric = primaryMetric.trim();
        secondaryMetrics = secondaryMetrics == null ? List.of() : secondaryMetrics.stream().map(String::trim).toList();
        guardrailMetrics = guardrailMetrics == null ? List.of() : guardrailMetrics.stream().map(String::trim).toList();
        Set<String> seen = new HashSet<>(List.of(primaryMetric));
        for (int i = 0; i < secondaryMetrics.size(); i++) {
            if (!seen.add(secondaryMetrics.get(i))) throw new InvalidRequest("secondaryMetrics[" + i + "]", "'" + secondaryMetrics.get(i) + "' is listed twice");
        }
        for (int i = 0; i < guardrailMetrics.size(); i++) {
            if (!seen.add(guardrailMetrics.get(i))) throw new InvalidRequest("guardrailMetrics[" + i + "]", "'" + guardrailMetrics.get(i) + "' is listed twice");
        }
    }

    /** All metric ids with the JSON field that names each, for catalog checks. */
    public List<String[]> metricFields() {
        List<String[]> out = new ArrayList<>();
        out.add(new String[]{"primaryMetric", primaryMetric});
        for (int i = 0; i < secondaryMetrics.size(); i++) out.add(new String[]{"secondaryMetrics[" + i + "]", secondaryMetrics.get(i)});
        for (int i = 0; i < guardrailMetrics.size(); i++) out.add(new String[]{"guardrailMetrics[" + i + "]", guardrailMetrics.get(i)});
        return out;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) throw new InvalidRequest(field, "is required");
        String v = value.strip();
        if (v.length() > max) throw new InvalidRequest(field, "must be at most " + max + " characters");
        return v;
    }

    private static List<Variant> checkedVariants(List<Variant> variants) {
        if (variants == null || variants.size() < 2) throw new InvalidRequest("variants", "needs at least two: the control first, then a treatment");
        if (variants.size() > MAX_VARIANTS) throw new InvalidRequest("variants", "at most " + MAX_VARIANTS + " variants");
        Set<String> keys = new HashSet<>();
        double total = 0;
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            String f = "variants[" + i + "]";
            if (v == null) throw new InvalidRequest(f, "is empty");
            if (v.key() == null || !KEY.matcher(v.key()).matches()) {
                throw new InvalidRequest(f + ".key", "must be 1–64 characters of a–z, 0–9, '-' or '_', starting with a letter or digit");
            }
            if (!keys.add(v.key())) throw new InvalidRequest(f + ".key", "'" + v.key() + "' is used twice");
            if (!(v.weight() >= 0) || !Double.isFinite(v.weight())) throw new InvalidRequest(f + ".weight", "must be a number of 0 or more");
            total += v.weight();
            String name = v.name() == null || v.name().isBlank() ? v.key() : v.name().strip();
            if (name.length() > 200) throw new InvalidRequest(f + ".name", "must be at most 200 characters");
            out.add(new Variant(v.key(), name, v.weight()));
        }
        if (!(total > 0)) throw new InvalidRequest("variants", "the weights must not all be 0");
        return List.copyOf(out);
    }
}
