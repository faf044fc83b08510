package io.marketops.attribution.internal;

import io.marketops.attribution.ModelResult;
import io.marketops.attribution.PathTable;

/**
 * A rule-based model: each converting path's conversions and value are split over its touches
 * by shares that add up to 1. Touches are not collapsed, so a channel touched twice can earn two
 * shares (as ChannelAttribution's heuristics do); paths without conversions earn nothing.
 */
abstract class TouchModel implements Model {

    /** Fills {@code shares[0..path.length)} with the share of each touch of row {@code row}; they add up to 1. */
    abstract void shares(PathTable table, int row, int[] path, double[] shares);

    @Override
    public ModelResult attribute(PathTable table) {
        Credits credits = new Credits(table.channelCount());
        double[] shares = new double[16];
        for (int i = 0; i < table.size(); i++) {
            long conversions = table.conversions(i);
            if (conversions == 0) continue;
            int[] path = table.path(i);
            if (shares.length < path.length) shares = new double[path.length * 2];
            java.util.Arrays.fill(shares, 0, path.length, 0);
            shares(table, i, path, shares);
            double value = table.value(i);
            for (int k = 0; k < path.length; k++) {
                if (shares[k] != 0) credits.add(path[k], conversions * shares[k], value * shares[k]);
            }
        }
        return ModelResult.of(credits.toList(table.channels()));
    }
}
