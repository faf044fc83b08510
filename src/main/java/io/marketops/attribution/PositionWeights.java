package io.marketops.attribution;

import io.marketops.core.InvalidRequest;

/**
 * Shares of the position-based model in percent: the first touch, all middle touches together
 * (split equally among them) and the last touch. They must add up to 100. A path of one touch
 * gives it everything; a path of two touches splits first : last in proportion
 * (40/20/40 gives 50/50), so credit is never lost.
 */
public record PositionWeights(double first, double middle, double last) {
    public static final PositionWeights DEFAULT = new PositionWeights(40, 20, 40);

    public PositionWeights {
        check("positionWeights.first", first);
        check("positionWeights.middle", middle);
        check("positionWeights.last", last);
        if (Math.abs(first + middle + last - 100) > 1e-9) {
            throw new InvalidRequest("positionWeights", "first + middle + last must be 100 (percent), was " + (first + middle + last));
        }
    }

    private static void check(String field, double v) {
        if (!Double.isFinite(v) || v < 0 || v > 100) throw new InvalidRequest(field, "must be a percentage between 0 and 100, was " + v);
    }
}
