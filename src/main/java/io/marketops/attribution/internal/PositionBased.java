package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.PathTable;
import io.marketops.attribution.PositionWeights;

/**
 * First and last touches earn fixed shares, the middle touches split the rest equally (40/20/40 by
 * default). One touch earns everything; two touches split in the ratio first : last (so 40/20/40
 * gives 50/50 and no credit is lost); if first and last are both 0 they split equally.
 */
final class PositionBased extends TouchModel {
    private final PositionWeights weights;

    PositionBased(PositionWeights weights) {
        this.weights = weights;
    }

    @Override
    public AttributionModelId id() {
        return AttributionModelId.POSITION_BASED;
    }

    @Override
    void shares(PathTable table, int row, int[] path, double[] shares) {
        int n = path.length;
        if (n == 1) {
            shares[0] = 1;
        } else if (n == 2) {
            double ends = weights.first() + weights.last();
            shares[0] = ends == 0 ? 0.5 : weights.first() / ends;
            shares[1] = 1 - shares[0];
        } else {
            shares[0] = weights.first() / 100;
            shares[n - 1] = weights.last() / 100;
            double middle = weights.middle() / 100 / (n - 2);
            for (int k = 1; k < n - 1; k++) shares[k] = middle;
        }
    }
}
