package io.marketops.anomalies.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.marketops.anomalies.Anomaly;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored anomaly as the API and the pages show it: {@link Anomaly}'s fields plus how it was
 * judged and, for ratio metrics, how the change splits.
 *
 * @param change      actual ÷ expected − 1
 * @param score       signed deviation in robust standard deviations
 * @param method      level (weekly-seasonal median), share (a slice's share of its total) or peers (a total as its channels imply it)
 * @param knownDay    the holiday or sales peak the day belongs to, or null
 * @param split       for a ratio total: numerator/denominator and mix/rate effects, else null
 * @param explanation the sentence in the language asked for; {@code explanationEn}/{@code explanationZh} both
 */
@JsonInclude(JsonInclude.Include.ALWAYS) // "dimension": null for a total, as the API promises
@JsonPropertyOrder({"id", "metric", "date", "dimension", "expected", "actual", "lower", "upper", "change", "severity", "causes"})
public record AnomalyView(long id, String metric, LocalDate date, Anomaly.Dimension dimension, double expected, double actual,
                          double lower, double upper, double change, double score, String severity, String method, String knownDay,
                          List<Anomaly.Cause> causes, Split split, String explanation, String explanationEn, String explanationZh,
                          Instant detectedAt) {

    /**
     * @param expected          the ratio of the expected numerator and denominator
     * @param numeratorEffect   part of {@code actual − expected} due to the numerator (Shapley average of both orders)
     * @param denominatorEffect the rest; the two add up to the change exactly
     * @param numeratorChange   the numerator against its own expectation (−0.42 = −42 %)
     * @param mixRate           per dimension: mix (traffic moved between values) and rate (rates within values) effects
     */
    public record Split(double expected, double actual, double numeratorEffect, double denominatorEffect,
                        double numeratorChange, double denominatorChange, List<MixRate> mixRate) {
    }

    /** mix + rate + unmatched = change (of Σnumerator ÷ Σdenominator over the dimension's values). */
    public record MixRate(String dimension, double change, double mix, double rate, double unmatched) {
    }

    public Anomaly toAnomaly() {
        return new Anomaly(metric, date, dimension, expected, actual, lower, upper, severity, causes, explanation);
    }

    public AnomalyView in(boolean zh) {
        return new AnomalyView(id, metric, date, dimension, expected, actual, lower, upper, change, score, severity, method, knownDay,
                causes, split, zh ? explanationZh : explanationEn, explanationEn, explanationZh, detectedAt);
    }
}
