package io.marketops.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * People per step; conversions are shares of people (0.25 = 25 %), null when the base is 0.
 *
 * @param breakdown per value of the breakdown dimension (of each person's counted entry); empty without breakdown
 */
public record FunnelResult(LocalDate from, LocalDate to, String window, String order, List<StepResult> steps, List<Breakdown> breakdown) {

    /** @param medianSecondsFromPrevious median time from the previous step of the people who reached this one; null for step 1 */
    public record StepResult(int step, String event, long users, Double conversionFromPrevious, Double conversionFromFirst,
                             Double medianSecondsFromPrevious) {
    }

    public record Breakdown(String value, List<StepResult> steps) {
    }
}
