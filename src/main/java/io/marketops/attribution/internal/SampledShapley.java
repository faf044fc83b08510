package io.marketops.attribution.internal;

import java.util.SplittableRandom;

/**
 * Shapley values estimated from random orderings of the players. In one ordering, the marginal
 * worth a player adds is the conversions of the paths whose channel set it completes (it comes last
 * among their channels), so every ordering hands out exactly the total and the estimate never loses
 * credit. The mean over orderings is unbiased; its standard error is the sample standard deviation
 * over √(orderings).
 */
final class SampledShapley {
    /** Work budget: orderings × touches of the distinct channel sets (about a second on one core). */
    static final long WORK_BUDGET = 300_000_000L;

    record Estimate(double[] conversions, double[] values, double[] conversionErrors, double[] valueErrors, int samples) {
    }

    private SampledShapley() {
    }

    static Estimate compute(Coalitions coalitions, int requestedSamples, long seed) {
        int n = coalitions.players;
        long perSample = Math.max(1, coalitions.size());
        int samples = (int) Math.max(Math.min(requestedSamples, 100), Math.min(requestedSamples, WORK_BUDGET / perSample));
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n], position = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double[] c = new double[n], v = new double[n];
        double[] sumC = new double[n], sqC = new double[n], sumV = new double[n], sqV = new double[n];
        for (int k = 0; k < samples; k++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1), t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int i = 0; i < n; i++) position[order[i]] = i;
            java.util.Arrays.fill(c, 0);
            java.util.Arrays.fill(v, 0);
            for (int m = 0; m < coalitions.members.length; m++) {
                int last = -1, lastPos = -1;
                for (int p : coalitions.members[m]) {
                    if (position[p] > lastPos) {
                        lastPos = position[p];
                        last = p;
                    }
                }
                c[last] += coalitions.conversions[m];
                v[last] += coalitions.values[m];
            }
            for (int i = 0; i < n; i++) {
                sumC[i] += c[i];
                sqC[i] += c[i] * c[i];
                sumV[i] += v[i];
                sqV[i] += v[i] * v[i];
            }
        }
        double[] meanC = new double[n], meanV = new double[n], seC = new double[n], seV = new double[n];
        for (int i = 0; i < n; i++) {
            meanC[i] = sumC[i] / samples;
            meanV[i] = sumV[i] / samples;
            seC[i] = standardError(sumC[i], sqC[i], samples);
            seV[i] = standardError(sumV[i], sqV[i], samples);
        }
        return new Estimate(meanC, meanV, seC, seV, samples);
    }

    private static double standardError(double sum, double squares, int n) {
        if (n < 2) return Double.NaN;
        double mean = sum / n;
        double variance = Math.max(0, (squares - n * mean * mean) / (n - 1));
        return Math.sqrt(variance / n);
    }
}
