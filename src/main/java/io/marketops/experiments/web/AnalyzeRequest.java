package io.marketops.experiments.web;

import io.marketops.core.InvalidRequest;
import io.marketops.experiments.stats.Alternative;
import io.marketops.experiments.stats.Analysis;
import io.marketops.experiments.stats.FrequentistSettings;
import io.marketops.experiments.stats.GaussianPrior;
import io.marketops.experiments.stats.PValueCorrection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The body of {@code POST /api/v1/experiments/analyze}; see docs/modules/experiments.md.
 * The first variant is the control. Everything is checked here so that a mistake comes back
 * as a 400 naming the field, never as a silent NaN.
 */
record AnalyzeRequest(String metricType, String engine, Boolean sequential, Double sequentialTuning, String alternative,
                      Double alpha, List<Variant> variants, List<Double> weights, Cuped cuped, Prior prior,
                      String correction, Boolean inverse) {
    static final int MAX_VARIANTS = 20;

    record Variant(String name, Long users, Double sum, Double sumSquares) {
    }

    record Cuped(Double theta, List<Pre> pre) {
    }

    record Pre(Double sum, Double sumSquares, Double sumProducts) {
    }

    record Prior(Double mean, Double stdDev) {
    }

    Analysis toAnalysis() {
        var type = Fields.choice("metricType", metricType, null, Analysis.MetricType.class);
        var eng = Fields.choice("engine", engine, Analysis.Engine.FREQUENTIST, Analysis.Engine.class);
        var alt = Fields.choice("alternative", alternative, Alternative.TWO_SIDED, Alternative.class);
        var corr = Fields.choice("correction", correction, PValueCorrection.Method.NONE, PValueCorrection.Method.class);
        double a = Fields.between("alpha", alpha, 0.05, 0, 0.5);
        double tuning = Fields.positive("sequentialTuning", sequentialTuning, FrequentistSettings.DEFAULT_TUNING);
        List<Analysis.VariantData> data = variants(type);
        double[] w = weights(data.size());
        GaussianPrior p = prior == null ? GaussianPrior.FLAT
                : GaussianPrior.normal(Fields.finite("prior.mean", prior.mean(), 0), Fields.positive("prior.stdDev", prior.stdDev(), Double.NaN));
        return new Analysis(type, eng, Boolean.TRUE.equals(sequential), tuning, alt, a, data, w, cuped(type, data), p, corr,
                Boolean.TRUE.equals(inverse));
    }

    private List<Analysis.VariantData> variants(Analysis.MetricType type) {
        if (variants == null || variants.size() < 2) throw new InvalidRequest("variants", "needs at least two entries: the control first, then the treatments");
        if (variants.size() > MAX_VARIANTS) throw new InvalidRequest("variants", "at most " + MAX_VARIANTS + " variants can be compared");
        List<Analysis.VariantData> out = new ArrayList<>();
        var names = new HashSet<String>();
        for (int i = 0; i < variants.size(); i++) {
            String f = "variants[" + i + "]";
            Variant v = variants.get(i);
            if (v == null) throw new InvalidRequest(f, "is empty");
            String name = v.name() == null || v.name().isBlank() ? (i == 0 ? "control" : "variant " + i) : v.name().trim();
            if (!names.add(name)) throw new InvalidRequest(f + ".name", "'" + name + "' is used twice");
            if (v.users() == null || v.users() < 0) throw new InvalidRequest(f + ".users", "is required and must be 0 or more");
            double sum = Fields.required(f + ".sum", v.sum());
            Double squares = checkedSquares(type, f, v.users(), sum, v.sumSquares());
            out.add(new Analysis.VariantData(name, v.users(), sum, squares));
        }
        return out;
    }

    /** Binomial: 0 ≤ converted ≤ users. Mean: Σx² is required and at least (Σx)²/n, or the data are impossible. */
    static Double checkedSquares(Analysis.MetricType type, String f, long users, double sum, Double squares) {
        if (type == Analysis.MetricType.BINOMIAL) {
            if (sum < 0 || sum > users) throw new InvalidRequest(f + ".sum", "converted users must be between 0 and users (" + users + "), was " + sum);
            return null;
        }
        double ss = Fields.required(f + ".sumSquares", squares);
        if (ss < 0) throw new InvalidRequest(f + ".sumSquares", "must not be negative");
        if (users > 0 && ss < sum * sum / users * (1 - 1e-9)) {
            throw new InvalidRequest(f + ".sumSquares", "is smaller than sum²/users (" + sum * sum / users + "), which no real data can give; check that it is the sum of squared values");
        }
        if (users == 0 && (sum != 0 || ss != 0)) throw new InvalidRequest(f + ".sum", "must be 0 when there are no users");
        return ss;
    }

    private double[] weights(int k) {
        if (weights == null) return null;
        if (weights.size() != k) throw new InvalidRequest("weights", "needs one weight per variant (" + k + "), got " + weights.size());
        double[] w = new double[k];
        double total = 0;
        for (int i = 0; i < k; i++) {
            w[i] = Fields.finite("weights[" + i + "]", weights.get(i), Double.NaN);
            if (Double.isNaN(w[i]) || w[i] < 0) throw new InvalidRequest("weights[" + i + "]", "must be a number of 0 or more");
            total += w[i];
        }
        if (!(total > 0)) throw new InvalidRequest("weights", "must not all be 0");
        return w;
    }

    private Analysis.Cuped cuped(Analysis.MetricType type, List<Analysis.VariantData> data) {
        if (cuped == null) return null;
        if (cuped.pre() == null || cuped.pre().size() != data.size()) {
            throw new InvalidRequest("cuped.pre", "needs one pre-period entry per variant (" + data.size() + ")");
        }
        List<Analysis.PrePeriod> pre = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            String f = "cuped.pre[" + i + "]";
            Pre p = cuped.pre().get(i);
            if (p == null) throw new InvalidRequest(f, "is empty");
            double sum = Fields.required(f + ".sum", p.sum());
            Double squares = checkedSquares(type, f, data.get(i).users(), sum, p.sumSquares());
            pre.add(new Analysis.PrePeriod(sum, squares, Fields.required(f + ".sumProducts", p.sumProducts())));
        }
        Double theta = cuped.theta() == null ? null : Fields.finite("cuped.theta", cuped.theta(), 0);
        return new Analysis.Cuped(theta, pre);
    }
}
