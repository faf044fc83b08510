package io.marketops.anomalies;

import java.time.LocalDate;
import java.util.List;

/**
 * One abnormal value of a metric on a local day.
 *
 * @param dimension   null for the metric's total, else the slice (e.g. channel = douyin); a value is null for facts without one
 * @param expected    the expected value from the baseline; {@code lower}/{@code upper} the band
 * @param severity    low, medium or high
 * @param causes      for totals: dimension values ranked by how much of the deviation they explain
 * @param explanation one sentence a person can read, in the workspace's language
 */
public record Anomaly(String metric, LocalDate date, Dimension dimension, double expected, double actual,
                      double lower, double upper, String severity, List<Cause> causes, String explanation) {

    public record Dimension(String name, String value) {
    }

    /**
     * @param explains share of the total's deviation this value explains (0..1)
     * @param change   relative change of this value against its own expectation (−0.61 = −61%)
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Cause(String dimension, String value, double explains, double change) {
    }
}
