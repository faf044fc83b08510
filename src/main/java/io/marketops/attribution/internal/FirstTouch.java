package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.PathTable;

/** All credit to the first touch of the path. */
final class FirstTouch extends TouchModel {
    @Override
    public AttributionModelId id() {
        return AttributionModelId.FIRST_TOUCH;
    }

    @Override
    void shares(PathTable table, int row, int[] path, double[] shares) {
        shares[0] = 1;
    }
}
