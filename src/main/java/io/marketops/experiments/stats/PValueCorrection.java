package io.marketops.experiments.stats;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Corrections for comparing several treatments (or metrics) at once, as GrowthBook applies
 * them: Holm–Bonferroni (family-wise error) and Benjamini–Hochberg (false discovery rate).
 * Adjusted p-values come back in the input order, capped at 1.
 */
public final class PValueCorrection {
    public enum Method { NONE, HOLM, BENJAMINI_HOCHBERG }

    private PValueCorrection() {
    }

    public static double[] adjust(double[] p, Method method) {
        return switch (method) {
            case NONE -> p.clone();
            case HOLM -> holm(p);
            case BENJAMINI_HOCHBERG -> benjaminiHochberg(p);
        };
    }

    /** Sorted ascending, the k-th smallest (k from 0) becomes max over j ≤ k of (m − j)·p_(j). */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }

    /** Sorted descending, the p-value of rank r (1 = smallest) becomes min over ranks ≥ r of p·m/rank. */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> -p[i])).toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double running = 1;
        for (int k = 0; k < m; k++) {
            int rank = m - k;
            running = Math.min(running, Math.min(1, p[order[k]] * m / rank));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }

    /**
     * A confidence interval consistent with an adjusted p-value (GrowthBook's adjustedCI): the
     * standard error implied by the adjusted p-value, |estimate| / z(1 − p/2), times z(1 − α/2).
     */
    public static double[] adjustedInterval(double adjustedPValue, double estimate, double alpha) {
        if (estimate == 0) return new double[]{0, 0};
        double sd = Math.abs(estimate / Distributions.normalQuantile(1 - adjustedPValue / 2));
        double width = Distributions.normalQuantile(1 - alpha / 2) * sd;
        return new double[]{estimate - width, estimate + width};
    }
}
