package io.marketops.experiments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the experiments module ({@code MARKETOPS_EXPERIMENTS_*} environment variables).
 *
 * @param exposureSync  how often recorded exposures are copied into the warehouse as
 *                      {@code $experiment_viewed} events ({@code MARKETOPS_EXPERIMENTS_EXPOSURE_SYNC}, default 10s)
 * @param exposureBatch exposures copied per round ({@code MARKETOPS_EXPERIMENTS_EXPOSURE_BATCH}, default 5000)
 */
@Validated
@ConfigurationProperties("marketops.experiments")
public record ExperimentsProperties(Duration exposureSync, Integer exposureBatch) {
    public ExperimentsProperties {
        if (exposureSync == null) exposureSync = Duration.ofSeconds(10);
        if (exposureBatch == null) exposureBatch = 5000;
        if (exposureSync.isNegative() || exposureSync.isZero()) throw new IllegalArgumentException("marketops.experiments.exposure-sync must be positive");
        if (exposureBatch < 1 || exposureBatch > 100_000) throw new IllegalArgumentException("marketops.experiments.exposure-batch must be between 1 and 100000");
    }
}
