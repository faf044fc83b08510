package io.marketops.metrics.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the metrics engine ({@code marketops.metrics.*}, environment {@code MARKETOPS_METRICS_*}).
 *
 * @param maxRangeDays   longest range a metric, funnel, retention or path query may span (default 732 days, two years)
 * @param maxDayBuckets  most daily buckets one metric query may return per dimension combination (default 366)
 * @param maxRows        most rows one metric query may return before it is refused as too broad (default 50,000)
 * @param sharePath      path prefix of read-only dashboard share links (fixed, documented: {@code /share})
 */
@Validated
@ConfigurationProperties("marketops.metrics")
public record MetricsProperties(Integer maxRangeDays, Integer maxDayBuckets, Integer maxRows, String sharePath) {
    public MetricsProperties {
        if (maxRangeDays == null) maxRangeDays = 732;
        if (maxDayBuckets == null) maxDayBuckets = 366;
        if (maxRows == null) maxRows = 50_000;
        if (sharePath == null) sharePath = "/share";
    }

    public static MetricsProperties defaults() {
        return new MetricsProperties(null, null, null, null);
    }
}
