package io.marketops.anomalies.internal;

/**
 * What a day's value should be and how far it may stray.
 *
 * @param expected the baseline value
 * @param sigma    robust standard deviation of the day's value around it (absolute, ≥ 0)
 * @param lower    lower edge of the band outside of which the value is abnormal
 * @param upper    upper edge of the band
 * @param method   {@code level} (weekly-seasonal median of the series), {@code share} (a slice's expected share of the
 *                 day's total) or {@code peers} (a total as the values of a dimension imply it)
 */
record Expectation(double expected, double sigma, double lower, double upper, String method) {

    boolean outside(double actual) {
        return actual < lower || actual > upper;
    }

    /** Deviation in robust standard deviations; 0 when the band has no width. */
    double z(double actual) {
        return sigma > 0 ? (actual - expected) / sigma : 0;
    }

    /** The same band scaled by {@code factor}: a share expectation turned into a value with the day's actual total. */
    Expectation times(double factor) {
        return new Expectation(expected * factor, sigma * factor, lower * factor, upper * factor, method);
    }
}
