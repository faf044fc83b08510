package io.marketops.experiments.stats;

/**
 * A frequentist comparison of one treatment with the control.
 *
 * @param ciLow   lower confidence bound, {@code Double.NEGATIVE_INFINITY} for a "less" test
 * @param ciHigh  upper confidence bound, {@code Double.POSITIVE_INFINITY} for a "greater" test
 * @param pValue  null when a sequential one-sided p-value search did not converge
 * @param error   why the test could not be run (then estimate and bounds are 0, p-value 1), or null
 */
public record FrequentistResult(double estimate, double standardError, double ciLow, double ciHigh, Double pValue, String error) {

    static FrequentistResult failed(String error) {
        return new FrequentistResult(0, 0, 0, 0, 1.0, error);
    }

    public boolean ok() {
        return error == null;
    }
}
