package io.marketops.experiments.stats;

/**
 * A metric adjusted with pre-experiment data (CUPED, regression adjustment): the post-period
 * statistic, the same users' pre-period statistic, Σ post·pre over users, and θ.
 * Adjusted mean = post mean − θ·pre mean; adjusted variance = var(post) + θ²·var(pre) − 2θ·cov.
 * The unadjusted mean stays the post mean, so relative lifts are divided by what users
 * actually did.
 */
public record CupedStatistic(MetricStatistic post, MetricStatistic pre, double sumOfProducts, double theta)
        implements MetricStatistic {

    public CupedStatistic {
        if (post instanceof CupedStatistic || pre instanceof CupedStatistic) {
            throw new IllegalArgumentException("pre and post statistics must be plain, not adjusted");
        }
        if (post.n() != pre.n()) {
            throw new IllegalArgumentException("pre and post periods must count the same users (" + post.n() + " vs " + pre.n() + ")");
        }
    }

    /** Both variants adjusted with the θ pooled over both (the gbstats convention). */
    public static CupedStatistic[] adjustPooled(CupedStatistic control, CupedStatistic treatment) {
        double theta = pooledTheta(control, treatment);
        return new CupedStatistic[]{control.withTheta(theta), treatment.withTheta(theta)};
    }

    /**
     * θ = cov(post, pre) / var(pre) computed over the users of both variants together; 0 when
     * the pre-period has no variance (nothing to adjust with).
     */
    public static double pooledTheta(CupedStatistic a, CupedStatistic b) {
        long n = a.n() + b.n();
        var post = new MeanStatistic(n, a.post.sum() + b.post.sum(), a.post.sumSquares() + b.post.sumSquares());
        var pre = new MeanStatistic(n, a.pre.sum() + b.pre.sum(), a.pre.sumSquares() + b.pre.sumSquares());
        var joint = new CupedStatistic(post, pre, a.sumOfProducts + b.sumOfProducts, 0);
        double preVariance = pre.variance();
        return preVariance > 0 ? joint.covariance() / preVariance : 0;
    }

    public CupedStatistic withTheta(double newTheta) {
        return new CupedStatistic(post, pre, sumOfProducts, newTheta);
    }

    @Override
    public long n() {
        return post.n();
    }

    @Override
    public double mean() {
        return post.mean() - theta * pre.mean();
    }

    @Override
    public double unadjustedMean() {
        return post.mean();
    }

    @Override
    public double variance() {
        if (n() <= 1) return 0;
        return post.variance() + theta * theta * pre.variance() - 2 * theta * covariance();
    }

    /** Sample covariance of post and pre values: (Σ post·pre − Σpost·Σpre/n)/(n − 1). */
    public double covariance() {
        long n = n();
        if (n <= 1) return 0;
        return (sumOfProducts - post.sum() * pre.sum() / n) / (n - 1);
    }

    @Override
    public double sum() {
        return post.sum();
    }

    @Override
    public double sumSquares() {
        return post.sumSquares();
    }
}
