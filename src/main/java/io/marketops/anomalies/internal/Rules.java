package io.marketops.anomalies.internal;

/**
 * When a value outside its expectation becomes an alarm.
 *
 * @param threshold        half-width of the band in robust standard deviations (from the sensitivity)
 * @param minVolume        a value whose volume count (visitors for UV, orders for GMV and CVR, clicks for cost and CTR)
 *                         is below this on both the expected and the actual side is not judged
 * @param minChange        a deviation smaller than this share of the expected value is never an alarm (0.05 = 5 %)
 * @param minConcentrated  a total inside its band is still an alarm when one or two abnormal values of a dimension
 *                         explain its move and moved it by at least this share of its expected value (0.08 = 8 %)
 * @param holidayTolerance on public holidays volumes may move this share either way before the band starts
 */
record Rules(double threshold, double minVolume, double minChange, double minConcentrated, double holidayTolerance) {

    /**
     * Named sensitivities and their thresholds in robust standard deviations. The band's spread is
     * the baseline's own recent one-day-ahead error, whose tails are heavier than a normal
     * distribution's (viral posts, campaign bursts), so thresholds sit higher than the textbook 3:
     * at medium (4.5) the demo data's 180 days raise at most 2 false alarms per metric total.
     */
    enum Sensitivity {
        LOW(6.0), MEDIUM(4.0), HIGH(3.0);

        final double threshold;

        Sensitivity(double threshold) {
            this.threshold = threshold;
        }

        static Sensitivity parse(String field, String text) {
            if (text == null || text.isBlank()) throw new io.marketops.core.InvalidRequest(field, "is required: low, medium or high");
            try {
                return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new io.marketops.core.InvalidRequest(field, "must be low, medium or high, was '" + text + "'");
            }
        }

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Rules of(Sensitivity s, double minVolume) {
        return new Rules(s.threshold, minVolume, 0.05, 0.08, 0.3);
    }

    Finding.Severity severity(double zBeyondCentre, double change) {
        double z = Math.abs(zBeyondCentre), c = Math.abs(change);
        if (z >= 2 * threshold || c >= 0.5) return Finding.Severity.HIGH;
        if (z >= 1.4 * threshold || c >= 0.25) return Finding.Severity.MEDIUM;
        return Finding.Severity.LOW;
    }
}
