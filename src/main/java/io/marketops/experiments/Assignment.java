package io.marketops.experiments;

/**
 * Which variant a user sees.
 *
 * @param bucket           the user's hash bucket in [0, 1)
 * @param inExperiment     true only while the experiment runs; otherwise the user gets the
 *                         control (or, after a "ship" decision, the shipped variant) and is not counted
 * @param exposureRecorded true when this call recorded the user's first exposure
 */
public record Assignment(String experimentKey, String userId, String variant, double bucket, boolean inExperiment,
                         boolean exposureRecorded, ExperimentStatus status) {
}
