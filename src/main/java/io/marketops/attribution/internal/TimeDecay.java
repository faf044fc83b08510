package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.PathTable;

/**
 * Touches closer to the conversion earn more: a touch's weight is 2^(−age / halfLife), shares are
 * the weights normalised per path. The age is in days when the path carries touch times (warehouse
 * paths), else the number of touches between it and the conversion (the last touch has age 0).
 */
final class TimeDecay extends TouchModel {
    private final double halfLife;

    TimeDecay(double halfLife) {
        if (!(halfLife > 0)) throw new IllegalArgumentException("half-life must be positive");
        this.halfLife = halfLife;
    }

    @Override
    public AttributionModelId id() {
        return AttributionModelId.TIME_DECAY;
    }

    @Override
    void shares(PathTable table, int row, int[] path, double[] shares) {
        double[] ages = table.ages(row);
        int n = path.length;
        double youngest = Double.MAX_VALUE;
        for (int k = 0; k < n; k++) youngest = Math.min(youngest, age(ages, k, n));
        double sum = 0;
        for (int k = 0; k < n; k++) {
            // relative to the youngest touch, so very old paths do not underflow to 0/0
            shares[k] = Math.pow(2, -(age(ages, k, n) - youngest) / halfLife);
            sum += shares[k];
        }
        for (int k = 0; k < n; k++) shares[k] /= sum;
    }

    private static double age(double[] ages, int k, int n) {
        return ages == null ? n - 1 - k : ages[k];
    }
}
