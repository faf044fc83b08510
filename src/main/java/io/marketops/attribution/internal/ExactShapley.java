package io.marketops.attribution.internal;

/**
 * Shapley values by enumerating every coalition of n players as a bitmask (n ≤ 20: 2ⁿ doubles).
 * The worth of a coalition S is v(S) = the conversions (or value) of all paths whose channel set is
 * a subset of S; it is computed for all S at once by a subset-sum (zeta) transform in n·2ⁿ steps.
 * φᵢ = Σ over S not holding i of |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)).
 */
final class ExactShapley {
    static final int MAX_PLAYERS = 20;

    private ExactShapley() {
    }

    /** Returns {conversions per player, value per player}. */
    static double[][] compute(Coalitions coalitions) {
        int n = coalitions.players;
        if (n > MAX_PLAYERS) throw new IllegalArgumentException("exact Shapley values need at most " + MAX_PLAYERS + " channels, got " + n);
        double[][] phi = {new double[n], new double[n]};
        if (n == 0) return phi;
        int size = 1 << n;
        double[] v = new double[size], w = new double[size];
        for (int k = 0; k < coalitions.members.length; k++) {
            int mask = 0;
            for (int p : coalitions.members[k]) mask |= 1 << p;
            v[mask] += coalitions.conversions[k];
            w[mask] += coalitions.values[k];
        }
        for (int i = 0; i < n; i++) {
            int bit = 1 << i;
            for (int s = 0; s < size; s++) {
                if ((s & bit) != 0) {
                    v[s] += v[s ^ bit];
                    w[s] += w[s ^ bit];
                }
            }
        }
        double[] weight = new double[n];
        weight[0] = 1.0 / n;
        for (int k = 1; k < n; k++) weight[k] = weight[k - 1] * k / (n - k);
        for (int s = 0; s < size; s++) {
            int k = Integer.bitCount(s);
            if (k == n) continue;
            double wk = weight[k];
            for (int i = 0; i < n; i++) {
                int bit = 1 << i;
                if ((s & bit) != 0) continue;
                phi[0][i] += wk * (v[s | bit] - v[s]);
                phi[1][i] += wk * (w[s | bit] - w[s]);
            }
        }
        return phi;
    }
}
