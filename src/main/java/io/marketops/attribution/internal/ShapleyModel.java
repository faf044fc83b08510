package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.ChannelCredit;
import io.marketops.attribution.ModelResult;
import io.marketops.attribution.ModelResult.ShapleyDetails;
import io.marketops.attribution.PathTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapley-value attribution over channels, with the characteristic function
 * v(S) = conversions (or value) of the converting paths whose set of channels is a subset of S
 * (the usual definition for path data; order and repeats of touches do not matter).
 * Exact by coalition enumeration up to {@code exactLimit} channels, estimated from random orderings
 * beyond, with the standard error of each channel's estimate. With this v every path's worth is a
 * unanimity game of its channels, so the exact values equal each path's conversions split equally
 * among its distinct channels — the tests use that as an independent check.
 */
final class ShapleyModel implements Model {
    private final int exactLimit;
    private final int samples;
    private final long seed;

    ShapleyModel(int exactLimit, int samples, long seed) {
        this.exactLimit = Math.min(exactLimit, ExactShapley.MAX_PLAYERS);
        this.samples = samples;
        this.seed = seed;
    }

    @Override
    public AttributionModelId id() {
        return AttributionModelId.SHAPLEY;
    }

    @Override
    public ModelResult attribute(PathTable table) {
        Coalitions coalitions = Coalitions.of(table);
        int channels = table.channelCount();
        double[] conversions = new double[channels], values = new double[channels];
        double[] errors = new double[channels], valueErrors = new double[channels];
        String method;
        Integer used = null;
        if (coalitions.players <= exactLimit) {
            double[][] phi = ExactShapley.compute(coalitions);
            for (int p = 0; p < coalitions.players; p++) {
                conversions[coalitions.channelOfPlayer[p]] = phi[0][p];
                values[coalitions.channelOfPlayer[p]] = phi[1][p];
            }
            method = "exact";
        } else {
            SampledShapley.Estimate e = SampledShapley.compute(coalitions, samples, seed);
            for (int p = 0; p < coalitions.players; p++) {
                int c = coalitions.channelOfPlayer[p];
                conversions[c] = e.conversions()[p];
                values[c] = e.values()[p];
                errors[c] = e.conversionErrors()[p];
                valueErrors[c] = e.valueErrors()[p];
            }
            method = "sampled";
            used = e.samples();
        }
        List<ChannelCredit> credits = new ArrayList<>(channels);
        Map<String, Double> se = new LinkedHashMap<>(), seValue = new LinkedHashMap<>();
        for (int c = 0; c < channels; c++) {
            String name = table.channels().get(c);
            credits.add(new ChannelCredit(name, conversions[c], values[c]));
            se.put(name, errors[c]);
            seValue.put(name, valueErrors[c]);
        }
        return new ModelResult(credits, null, new ShapleyDetails(method, coalitions.players, used, se, seValue));
    }
}
