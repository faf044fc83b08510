package io.marketops.experiments.stats;

import io.marketops.experiments.stats.Analysis.Engine;
import io.marketops.experiments.stats.Analysis.MetricType;
import io.marketops.experiments.stats.Analysis.VariantData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.marketops.experiments.stats.Gbstats.assertRounded;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole analysis of one metric: each engine's numbers end up where the API promises them. */
class AnalyzerTests {

    static Analysis analysis(MetricType type, Engine engine, List<VariantData> variants) {
        return new Analysis(type, engine, false, 5000, Alternative.TWO_SIDED, 0.05, variants, null, null, null, null, false);
    }

    @Test
    void frequentistEstimateAndPValueWithBayesianChanceToWinAndRisk() {
        var report = Analyzer.analyze(analysis(MetricType.BINOMIAL, Engine.FREQUENTIST,
                List.of(new VariantData("control", 100, 49, null), new VariantData("b", 100, 51, null))));
        var lift = report.variants().get(1).relativeLift();
        var expectedFrequentist = FrequentistTest.run(new ProportionStatistic(100, 49), new ProportionStatistic(100, 51),
                FrequentistSettings.twoSided(Difference.RELATIVE));
        assertThat(lift.pValue()).isEqualTo(expectedFrequentist.pValue());
        assertThat(lift.ciLow()).isEqualTo(expectedFrequentist.ciLow());
        assertRounded("chance to win", lift.chanceToWin(), 0.60918);
        assertRounded("risk control", lift.risk()[0], 0.0814);
        assertRounded("risk treatment", lift.risk()[1], 0.04058);
        assertThat(report.variants().get(0).relativeLift()).isNull();
        assertRounded("control mean", report.variants().get(0).mean(), 0.49);
        assertRounded("control sd", report.variants().get(0).stdDev(), Math.sqrt(0.49 * 0.51));
    }

    @Test
    void meanMetricGivesGbstatsPValuesOnBothScales() {
        var report = Analyzer.analyze(analysis(MetricType.MEAN, Engine.FREQUENTIST,
                List.of(new VariantData("control", 3407, 1396.87, 52377.9767), new VariantData("b", 3461, 2422.7, 134698.29))));
        var b = report.variants().get(1);
        assertRounded("relative p", b.relativeLift().pValue(), 0.06191);
        assertRounded("absolute p", b.absoluteLift().pValue(), 0.02016);
        assertRounded("absolute ci low", b.absoluteLift().ciLow(), 0.04538);
        assertRounded("srm", report.srmPValue(), SampleRatio.pValue(3407, 3461));
    }

    @Test
    void bayesianEngineReportsThePosteriorInterval() {
        var report = Analyzer.analyze(analysis(MetricType.MEAN, Engine.BAYESIAN,
                List.of(new VariantData("control", 10, 100, 1002.25), new VariantData("b", 10, 105, 1111.5))));
        var lift = report.variants().get(1).relativeLift();
        assertRounded("ci low", lift.ciLow(), -0.02);
        assertRounded("ci high", lift.ciHigh(), 0.12);
        assertRounded("chance to win", lift.chanceToWin(), 0.91923);
        assertThat(lift.pValue()).as("p-value still from the frequentist engine").isNotNull();
    }

    @Test
    void cupedWithGivenThetaReportsAdjustedMeans() {
        var cuped = new Analysis.Cuped(0.5, List.of(new Analysis.PrePeriod(16.87, 527.9767, 12525), new Analysis.PrePeriod(22.7, 1348.29, 3333)));
        var a = new Analysis(MetricType.MEAN, Engine.FREQUENTIST, true, 5000, Alternative.TWO_SIDED, 0.05,
                List.of(new VariantData("control", 3000, 1396.87, 52377.9767), new VariantData("b", 3461, 2422.7, 134698.29)),
                null, cuped, null, null, false);
        var report = Analyzer.analyze(a);
        assertRounded("expected", report.variants().get(1).relativeLift().estimate(), 0.50236);
        assertRounded("ci high", report.variants().get(1).relativeLift().ciHigh(), 1.44217);
        assertThat(report.variants().get(0).adjustedMean()).isEqualTo(1396.87 / 3000 - 0.5 * 16.87 / 3000);
    }

    @Test
    void holmCorrectionAcrossTwoTreatmentsAdjustsPValuesAndWidensIntervals() {
        var plain = analysis(MetricType.BINOMIAL, Engine.FREQUENTIST, List.of(new VariantData("control", 5000, 500, null),
                new VariantData("b", 5000, 560, null), new VariantData("c", 5000, 520, null)));
        var corrected = new Analysis(plain.metricType(), plain.engine(), false, 5000, Alternative.TWO_SIDED, 0.05, plain.variants(),
                null, null, null, PValueCorrection.Method.HOLM, false);
        var before = Analyzer.analyze(plain).variants();
        var after = Analyzer.analyze(corrected).variants();
        double pb = before.get(1).relativeLift().pValue(), pc = before.get(2).relativeLift().pValue();
        double[] holm = PValueCorrection.holm(new double[]{pb, pc});
        assertThat(after.get(1).relativeLift().pValueAdjusted()).isEqualTo(holm[0]);
        assertThat(after.get(2).relativeLift().pValueAdjusted()).isEqualTo(holm[1]);
        assertThat(after.get(1).relativeLift().ciLow()).isLessThan(before.get(1).relativeLift().ciLow());
        assertThat(before.get(1).relativeLift().pValueAdjusted()).isNull();
    }

    @Test
    void oneSidedGreaterLeavesTheUpperBoundOpen() {
        var a = new Analysis(MetricType.BINOMIAL, Engine.FREQUENTIST, false, 5000, Alternative.GREATER, 0.05,
                List.of(new VariantData("control", 1000, 100, null), new VariantData("b", 1000, 120, null)), null, null, null, null, false);
        var lift = Analyzer.analyze(a).variants().get(1).absoluteLift();
        assertThat(lift.ciHigh()).isNull();
        assertThat(lift.ciLow()).isNotNull();
    }

    @Test
    void unevenSplitAgainstEqualWeightsRaisesTheSrmWarning() {
        var report = Analyzer.analyze(analysis(MetricType.BINOMIAL, Engine.FREQUENTIST,
                List.of(new VariantData("control", 1000, 100, null), new VariantData("b", 1200, 130, null))));
        assertThat(report.srmWarning()).isTrue();
        assertThat(report.srmPValue()).isLessThan(0.001);
    }
}
