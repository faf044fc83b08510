package io.marketops.metrics;

import java.util.List;

/**
 * The cohort table. Cells of periods that have not started yet (after today in the workspace time
 * zone) are null. {@code average} weighs each cohort by its size, over the cohorts observable in that period.
 */
public record RetentionResult(String granularity, int periods, List<Cohort> cohorts, List<Cell> average) {

    /** @param cohort first local day of the cohort's day, week or month */
    public record Cohort(String cohort, long size, List<Cell> periods) {
    }

    /** Period 0 is the cohort itself (everyone, rate 1). Rates are shares of the cohort size. */
    public record Cell(int period, Long classic, Double classicRate, Long unbounded, Double unboundedRate) {
    }
}
