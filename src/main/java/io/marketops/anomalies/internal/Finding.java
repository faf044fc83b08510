package io.marketops.anomalies.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * One abnormal value as detection found it, with everything the API, the page and the store show.
 *
 * @param dimension  null for the total
 * @param change     actual ÷ expected − 1 (−0.32 = 32 % below)
 * @param z          deviation in robust standard deviations beyond the band's centre
 * @param method     level, share or peers (see {@link Expectation})
 * @param knownDay   the holiday or peak the day belongs to, or null
 * @param causes     for a total: values ranked by surprise (Adtributor)
 * @param parts      for a ratio total: numerator and denominator effects, else null
 * @param mixRates   for a ratio total: mix and rate effects per cause dimension
 */
record Finding(String metric, LocalDate date, String dimension, String value, double expected, double actual,
               double lower, double upper, Severity severity, double change, double z, String method, String knownDay,
               List<Adtributor.Candidate> causes, RatioSplit.Parts parts, List<RatioSplit.MixRate> mixRates,
               String explanationEn, String explanationZh) {

    enum Severity {
        LOW, MEDIUM, HIGH;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    boolean total() {
        return dimension == null;
    }

    boolean down() {
        return actual < expected;
    }

    Finding withExplanation(String en, String zh) {
        return new Finding(metric, date, dimension, value, expected, actual, lower, upper, severity, change, z, method, knownDay,
                causes, parts, mixRates, en, zh);
    }
}
