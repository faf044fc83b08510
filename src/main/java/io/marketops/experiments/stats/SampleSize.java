package io.marketops.experiments.stats;

/**
 * How many users, and so how many days, a test needs — GrowthBook's frequentist power for a
 * two-sided test of a relative lift Δ with N users per variant, equal variances:
 * σ_Δ² = σ²/N·(1/μ_a² + μ_b²/μ_a⁴) with μ_b = μ_a(1 + Δ);
 * power = 1 − Φ((HW − |Δ|)/σ_Δ) + Φ((−HW − |Δ|)/σ_Δ), HW = z(1 − α/2)·σ_Δ, or for sequential
 * tests the confidence sequence's half-width at 2N users (so a sequential test needs more).
 */
public final class SampleSize {
    /** Beyond this many users per variant the plan is reported as unreachable. */
    public static final long MAX_USERS_PER_VARIANT = 10_000_000_000L;

    private SampleSize() {
    }

    /**
     * @param baselineMean   the control's expected mean (a conversion rate for binomial metrics)
     * @param baselineStdDev per-user standard deviation; for a rate p use sqrt(p(1 − p))
     * @param relativeLift   the smallest lift worth detecting (0.05 = +5%)
     * @param dailyUsers     users entering the experiment per day, all variants together; ≤ 0 = unknown
     */
    public record Question(double baselineMean, double baselineStdDev, double relativeLift, double alpha, double power,
                           int variants, double dailyUsers, boolean sequential, double tuning) {
        public Question {
            if (baselineMean == 0 || !Double.isFinite(baselineMean)) throw new IllegalArgumentException("baselineMean must be a non-zero number");
            if (!(baselineStdDev > 0)) throw new IllegalArgumentException("baselineStdDev must be positive");
            if (relativeLift == 0 || !Double.isFinite(relativeLift)) throw new IllegalArgumentException("relativeLift must be a non-zero number");
            if (!(alpha > 0 && alpha < 0.5)) throw new IllegalArgumentException("alpha must be between 0 and 0.5");
            if (!(power > 0 && power < 1)) throw new IllegalArgumentException("power must be between 0 and 1");
            if (variants < 2) throw new IllegalArgumentException("at least two variants (control and one treatment) are needed");
            if (sequential && !(tuning > 0)) throw new IllegalArgumentException("the sequential tuning parameter must be positive");
        }

        public static Question conversion(double rate, double relativeLift, double alpha, double power, int variants, double dailyUsers) {
            return new Question(rate, Math.sqrt(rate * (1 - rate)), relativeLift, alpha, power, variants, dailyUsers, false, FrequentistSettings.DEFAULT_TUNING);
        }
    }

    /**
     * @param usersPerVariant null when the target power cannot be reached (lift too small for the variance)
     * @param days            null when daily users are unknown or the plan is unreachable
     */
    public record Plan(Long usersPerVariant, Long totalUsers, Long days, double achievedPower) {
    }

    /** The power of a test with {@code n} users in each variant. */
    public static double power(Question q, long n) {
        double ma = q.baselineMean(), mb = ma * (1 + q.relativeLift());
        double v = q.baselineStdDev() * q.baselineStdDev();
        double se = Math.sqrt(v / n * (1 / (ma * ma) + mb * mb / Math.pow(ma, 4)));
        double half;
        if (q.sequential()) {
            long total = 2 * n;
            double rho = SequentialTest.rho(q.alpha(), q.tuning(), true);
            half = SequentialTest.twoSidedHalfWidth(se * se * total, total, q.alpha(), rho);
        } else {
            half = Distributions.normalQuantile(1 - q.alpha() / 2) * se;
        }
        double lift = Math.abs(q.relativeLift());
        return 1 - Distributions.normalCdf((half - lift) / se) + Distributions.normalCdf((-half - lift) / se);
    }

    /** The smallest number of users per variant reaching the target power, and the days it takes. */
    public static Plan plan(Question q) {
        long high = 2;
        while (power(q, high) < q.power()) {
            if (high > MAX_USERS_PER_VARIANT) return new Plan(null, null, null, power(q, high));
            high *= 2;
        }
        long low = Math.max(1, high / 2);
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (power(q, mid) >= q.power()) high = mid;
            else low = mid;
        }
        long total = high * q.variants();
        Long days = q.dailyUsers() > 0 ? (long) Math.ceil(total / q.dailyUsers()) : null;
        return new Plan(high, total, days, power(q, high));
    }
}
