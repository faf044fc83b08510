package io.marketops.experiments;

import io.marketops.experiments.stats.Analysis;
import io.marketops.experiments.stats.AnalysisReport;

import java.util.List;

/**
 * Turns the primary metric's analysis (and the guardrails') into a plain-language
 * recommendation: ship, keep running or stop. The rules, in order:
 * <ol>
 *   <li>sample-ratio mismatch → stop: the split is broken, no number can be trusted;</li>
 *   <li>a treatment wins the primary metric (frequentist: p &lt; α in the good direction;
 *       Bayesian: chance to win ≥ 1 − α, where the analysis of a lower-is-better metric was run
 *       with {@code inverse}) and no guardrail of it is significantly worse → ship
 *       the best such treatment;</li>
 *   <li>a winner that harms a guardrail → stop, do not ship;</li>
 *   <li>every treatment significantly worse → stop and keep the control;</li>
 *   <li>otherwise → keep running until the planned sample size, then stop as inconclusive.</li>
 * </ol>
 */
public final class DecisionGuide {
    public enum Verdict { SHIP, KEEP_RUNNING, STOP }

    /**
     * @param reason  message key suffix explaining why ({@code srm}, {@code winner}, {@code guardrail},
     *                {@code allWorse}, {@code noDifference}, {@code noData})
     * @param variant the variant to ship, or the guardrail metric that blocked it, or null
     */
    public record Recommendation(Verdict verdict, String reason, String variant) {
    }

    /** A guardrail metric's analysis, with whether lower is better for it. */
    public record Guardrail(String metric, AnalysisReport report, boolean lowerIsBetter) {
    }

    private DecisionGuide() {
    }

    public static Recommendation recommend(AnalysisReport primary, Analysis.Engine engine, double alpha, boolean lowerIsBetter,
                                           List<Guardrail> guardrails) {
        if (primary.srmWarning()) return new Recommendation(Verdict.STOP, "srm", null);
        var treatments = primary.variants().subList(1, primary.variants().size());
        if (treatments.stream().anyMatch(v -> v.relativeLift() == null || v.relativeLift().error() != null)) {
            return new Recommendation(Verdict.KEEP_RUNNING, "noData", null);
        }
        AnalysisReport.VariantReport best = null;
        for (var v : treatments) {
            if (significant(v.relativeLift(), engine, alpha, lowerIsBetter, true)
                    && (best == null || better(v, best, lowerIsBetter))) best = v;
        }
        if (best != null) {
            String winner = best.name();
            for (Guardrail g : guardrails) {
                var same = g.report().variants().stream().filter(x -> x.name().equals(winner)).findFirst();
                if (same.isPresent() && same.get().relativeLift() != null
                        && significant(same.get().relativeLift(), engine, alpha, g.lowerIsBetter(), false)) {
                    return new Recommendation(Verdict.STOP, "guardrail", g.metric());
                }
            }
            return new Recommendation(Verdict.SHIP, "winner", winner);
        }
        boolean allWorse = treatments.stream().allMatch(v -> significant(v.relativeLift(), engine, alpha, lowerIsBetter, false));
        if (allWorse) return new Recommendation(Verdict.STOP, "allWorse", null);
        return new Recommendation(Verdict.KEEP_RUNNING, "noDifference", null);
    }


    private static boolean better(AnalysisReport.VariantReport a, AnalysisReport.VariantReport b, boolean lowerIsBetter) {
        double ea = a.relativeLift().estimate(), eb = b.relativeLift().estimate();
        return lowerIsBetter ? ea < eb : ea > eb;
    }

    /** Significantly better ({@code good}) or significantly worse (not {@code good}) than the control. */
    static boolean significant(AnalysisReport.Lift lift, Analysis.Engine engine, double alpha, boolean lowerIsBetter, boolean good) {
        boolean up = lift.estimate() > 0;
        boolean improves = lowerIsBetter != up;
        if (lift.estimate() == 0 || improves != good) return false;
        if (engine == Analysis.Engine.BAYESIAN) {
            // chance to win is already the chance of being better: lower-is-better metrics are analysed with inverse = true
            return good ? lift.chanceToWin() >= 1 - alpha : lift.chanceToWin() <= alpha;
        }
        Double p = lift.pValueAdjusted() != null ? lift.pValueAdjusted() : lift.pValue();
        return p != null && p < alpha;
    }
}
