package io.marketops.experiments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Settings of the experiments module ({@code MARKETOPS_EXPERIMENTS_*} environment variables).
 *
 * @param exposureSync  how often recorded exposures are copied into the warehouse as
 *                      {@code $experiment_viewed} events ({@code MARKETOPS_EXPERIMENTS_EXPOSURE_SYNC}, default 10s)
 * @param exposureBatch exposures copied per round ({@code MARKETOPS_EXPERIMENTS_EXPOSURE_BATCH}, default 5000)
 * @param allowedOrigins origins whose pages may ask for assignments from the browser (CORS on
 *                       {@code GET /api/v1/experiments/*}{@code /assignment} only), e.g.
 *                       {@code https://shop.example.cn,https://*.brand.cn}
 *                       ({@code MARKETOPS_EXPERIMENTS_ALLOWED_ORIGINS}, comma-separated; default none:
 *                       only same-origin pages or a reverse proxy)
 */
@Validated
@ConfigurationProperties("marketops.experiments")
public record ExperimentsProperties(Duration exposureSync, Integer exposureBatch, List<String> allowedOrigins) {
    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[^/\\s?#]+");

    public ExperimentsProperties {
        if (exposureSync == null) exposureSync = Duration.ofSeconds(10);
        if (exposureBatch == null) exposureBatch = 5000;
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        for (String origin : allowedOrigins) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("marketops.experiments.allowed-origins: '" + origin
                        + "' is not an origin; write scheme://host[:port] without a path, e.g. https://shop.example.cn");
            }
        }
        if (exposureSync.isNegative() || exposureSync.isZero()) throw new IllegalArgumentException("marketops.experiments.exposure-sync must be positive");
        if (exposureBatch < 1 || exposureBatch > 100_000) throw new IllegalArgumentException("marketops.experiments.exposure-batch must be between 1 and 100000");
    }
}
