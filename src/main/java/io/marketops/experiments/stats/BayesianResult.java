package io.marketops.experiments.stats;

/**
 * The posterior of the effect (normal) and what a decision maker reads from it.
 *
 * @param chanceToWin    P(the treatment is better than the control)
 * @param riskControl    expected loss, on the effect's scale, of keeping the control: E[max(0, effect)]
 * @param riskTreatment  expected loss of shipping the treatment: E[max(0, −effect)]
 * @param error          why the test could not be run (then chance to win is 0.5 and the rest 0), or null
 */
public record BayesianResult(double estimate, double stdDev, double ciLow, double ciHigh, double chanceToWin,
                             double riskControl, double riskTreatment, String error) {

    static BayesianResult failed(String error) {
        return new BayesianResult(0, 0, 0, 0, 0.5, 0, 0, error);
    }

    public boolean ok() {
        return error == null;
    }
}
