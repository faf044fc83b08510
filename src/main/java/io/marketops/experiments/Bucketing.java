package io.marketops.experiments;

/**
 * Deterministic assignment, the same as GrowthBook's SDKs (hashing version 2), so a user keeps
 * their variant across restarts, machines and programming languages:
 * <ol>
 *   <li>{@code h = fnv1a32(seed + userId)}, the 32-bit FNV-1a hash (offset basis 0x811c9dc5,
 *       prime 0x01000193) over the string's UTF-16 code units, as JavaScript's charCodeAt sees them;</li>
 *   <li>{@code bucket = (fnv1a32(decimal string of h) mod 10000) / 10000}, a number in [0, 1);</li>
 *   <li>the variants' weights, normalised, cut [0, 1) into consecutive ranges; the user gets the
 *       variant whose range holds the bucket.</li>
 * </ol>
 * The seed is the experiment key. Rehashing the decimal string removes the correlation between
 * experiments whose keys share a prefix. With coverage c below 1, each variant's range keeps its
 * start but only the first c of its width (GrowthBook's getBucketRanges): users whose bucket falls
 * in the gaps are not in the experiment, and raising the coverage later keeps everyone who was in
 * it in the same variant.
 */
public final class Bucketing {
    private static final int OFFSET_BASIS = 0x811c9dc5;
    private static final int PRIME = 0x01000193;

    private Bucketing() {
    }

    /** 32-bit FNV-1a over UTF-16 code units, returned as an unsigned value. */
    public static long fnv1a32(String s) {
        int h = OFFSET_BASIS;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= PRIME;
        }
        return Integer.toUnsignedLong(h);
    }

    /** GrowthBook hash version 2: a bucket in [0, 1) with 4 decimals. */
    public static double bucket(String seed, String userId) {
        long first = fnv1a32(seed + userId);
        return (fnv1a32(Long.toString(first)) % 10000) / 10000.0;
    }

    /** Consecutive [start, end) ranges from weights (normalised; the last range ends at 1). */
    public static double[][] ranges(double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double[][] ranges = new double[weights.length][2];
        double start = 0;
        for (int i = 0; i < weights.length; i++) {
            double end = i == weights.length - 1 ? 1.0 : start + weights[i] / total;
            ranges[i][0] = start;
            ranges[i][1] = end;
            start = end;
        }
        return ranges;
    }

    /**
     * GrowthBook's ranges with coverage: variant i gets [start_i, start_i + coverage·w_i) where
     * start_i is the sum of the earlier normalised weights. Coverage 1 is {@link #ranges(double[])}.
     */
    public static double[][] ranges(double[] weights, double coverage) {
        double[][] full = ranges(weights);
        if (coverage >= 1) return full;
        double c = Math.max(0, coverage);
        double[][] out = new double[full.length][2];
        for (int i = 0; i < full.length; i++) {
            out[i][0] = full[i][0];
            out[i][1] = full[i][0] + c * (full[i][1] - full[i][0]);
        }
        return out;
    }

    /** The index of the range holding {@code bucket}; -1 when none does (all weights 0). */
    public static int choose(double bucket, double[][] ranges) {
        for (int i = 0; i < ranges.length; i++) {
            if (bucket >= ranges[i][0] && bucket < ranges[i][1]) return i;
        }
        return -1;
    }

    /** The variant index a user gets in an experiment with these weights. */
    public static int variantIndex(String experimentKey, String userId, double[] weights) {
        return choose(bucket(experimentKey, userId), ranges(weights));
    }
}
