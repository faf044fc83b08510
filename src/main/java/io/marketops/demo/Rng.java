package io.marketops.demo;

import java.util.SplittableRandom;

/**
 * The generator's only source of chance: a seeded {@link SplittableRandom} plus samplers.
 * Every transcendental function goes through {@link StrictMath}, because {@code Math.exp/log}
 * may differ by an ulp between interpreted and JIT-compiled code, and one ulp is enough to
 * change a rounded count and break "same seed, same data".
 */
final class Rng {
    private final SplittableRandom random;
    private boolean hasSpareGaussian;
    private double spareGaussian;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A stream for one purpose, independent of how much other streams have drawn. */
    static Rng stream(long seed, long purpose, long index) {
        return new Rng(mix(mix(seed ^ 0x5DEECE66DL) + purpose * 0x9E3779B97F4A7C15L + index));
    }

    /** SplitMix64 finaliser: a stateless, well-mixed hash of one long. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0,1) from a hash, for attributes derived without state. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    double nextDouble() {
        return random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    int between(int fromInclusive, int toInclusive) {
        return fromInclusive + random.nextInt(toInclusive - fromInclusive + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Standard normal (Marsaglia polar method). */
    double gaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u, v, s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * m;
        hasSpareGaussian = true;
        return u * m;
    }

    /** A positive factor with mean 1 and the given log-scale spread. */
    double noise(double sigma) {
        return StrictMath.exp(sigma * gaussian() - sigma * sigma / 2);
    }

    long poisson(double lambda) {
        if (lambda <= 0) return 0;
        if (lambda < 30) {
            double limit = StrictMath.exp(-lambda);
            double product = random.nextDouble();
            long n = 0;
            while (product > limit) {
                product *= random.nextDouble();
                n++;
            }
            return n;
        }
        return Math.max(0, Math.round(lambda + StrictMath.sqrt(lambda) * gaussian()));
    }

    long binomial(long n, double p) {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (n < 40) {
            long k = 0;
            for (long i = 0; i < n; i++) if (random.nextDouble() < p) k++;
            return k;
        }
        double mean = n * p;
        if (mean < 15) return Math.min(n, poisson(mean));
        long k = Math.round(mean + StrictMath.sqrt(mean * (1 - p)) * gaussian());
        return Math.max(0, Math.min(n, k));
    }

    /** How many more trials until a success: 0, 1, 2 … with the given mean. */
    int geometric(double mean) {
        double p = 1 / (1 + mean);
        return (int) StrictMath.floor(StrictMath.log(1 - random.nextDouble()) / StrictMath.log(1 - p));
    }

    /** An index drawn from cumulative weights (last entry = total). */
    int pick(double[] cumulative) {
        return pick(cumulative, random.nextDouble());
    }

    static int pick(double[] cumulative, double unit) {
        double x = unit * cumulative[cumulative.length - 1];
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    static double[] cumulative(double... weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) c[i] = sum += weights[i];
        return c;
    }
}
