package io.marketops.experiments;

/**
 * Which variant a user sees.
 *
 * @param bucket           the user's hash bucket in [0, 1)
 * @param inExperiment     true only while the experiment runs; otherwise the user gets the
 *                         control (or, after a "ship" decision, the shipped variant) and is not counted
 * @param exposureRecorded true when this call recorded the user's first exposure
 * @param reason           why the user is not in the experiment: {@code not_running}, {@code not_targeted}
 *                         (the request's attributes do not match the targeting) or {@code outside_coverage};
 *                         null when in it
 */
public record Assignment(String experimentKey, String userId, String variant, double bucket, boolean inExperiment,
                         boolean exposureRecorded, ExperimentStatus status, String reason) {
    public static final String NOT_RUNNING = "not_running";
    public static final String NOT_TARGETED = "not_targeted";
    public static final String OUTSIDE_COVERAGE = "outside_coverage";
}
