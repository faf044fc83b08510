package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.PathTable;

/** An equal share per touch: a channel touched twice in a path of four earns half. */
final class Linear extends TouchModel {
    @Override
    public AttributionModelId id() {
        return AttributionModelId.LINEAR;
    }

    @Override
    void shares(PathTable table, int row, int[] path, double[] shares) {
        double share = 1.0 / path.length;
        java.util.Arrays.fill(shares, 0, path.length, share);
    }
}
