package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.PathTable;

import java.util.Set;

/**
 * All credit to the last touch that is not a direct visit; a path of direct visits only gives it
 * to its last touch, so no conversion is dropped. Which channels count as direct is configurable.
 */
final class LastNonDirect extends TouchModel {
    private final Set<String> direct;

    LastNonDirect(Set<String> directChannels) {
        this.direct = Set.copyOf(directChannels);
    }

    @Override
    public AttributionModelId id() {
        return AttributionModelId.LAST_NON_DIRECT;
    }

    @Override
    void shares(PathTable table, int row, int[] path, double[] shares) {
        for (int k = path.length - 1; k >= 0; k--) {
            if (!direct.contains(table.channels().get(path[k]))) {
                shares[k] = 1;
                return;
            }
        }
        shares[path.length - 1] = 1;
    }
}
