package io.marketops.attribution;

import java.util.Map;

/**
 * The answer for a path table: its totals and each requested model's result, keyed by model id
 * in the requested order. Every model's channel conversions add up to {@code totals.conversions}
 * (and value to {@code totals.value}) unless no path converted.
 */
public record AttributionResult(Totals totals, Map<String, ModelResult> models) {

    /** @param paths rows of the table; @param channels distinct channels */
    public record Totals(int paths, long conversions, double value, long nulls, int channels) {
        public static Totals of(PathTable t) {
            return new Totals(t.size(), t.totalConversions(), t.totalValue(), t.totalNulls(), t.channelCount());
        }
    }
}
