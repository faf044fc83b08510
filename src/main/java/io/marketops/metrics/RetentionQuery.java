package io.marketops.metrics;

import io.marketops.metrics.MetricQuery.Granularity;

import java.time.LocalDate;
import java.util.List;

/**
 * Cohort retention. A person's cohort is the local day, week (Monday) or month of their first
 * cohort event — their first event of any kind when {@code cohortEvent} is null, else their first
 * {@code cohortEvent} (e.g. sign_up) — if it falls in {@code from..to}. Period N counts the people
 * with a return event (any track, page or screen event when {@code returnEvent} is null) in the
 * N-th period after their cohort's: classic = in period N exactly, unbounded = in period N or later.
 *
 * @param periods how many periods after the cohort to report (1 to 90)
 */
public record RetentionQuery(LocalDate from, LocalDate to, Granularity granularity, String cohortEvent, List<Filter> cohortFilters,
                             String returnEvent, List<Filter> returnFilters, int periods) {
    public RetentionQuery {
        cohortFilters = cohortFilters == null ? List.of() : List.copyOf(cohortFilters);
        returnFilters = returnFilters == null ? List.of() : List.copyOf(returnFilters);
        if (granularity == null) granularity = Granularity.DAY;
    }
}
