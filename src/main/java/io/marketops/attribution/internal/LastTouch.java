package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.PathTable;

/** All credit to the last touch before the conversion. */
final class LastTouch extends TouchModel {
    @Override
    public AttributionModelId id() {
        return AttributionModelId.LAST_TOUCH;
    }

    @Override
    void shares(PathTable table, int row, int[] path, double[] shares) {
        shares[path.length - 1] = 1;
    }
}
