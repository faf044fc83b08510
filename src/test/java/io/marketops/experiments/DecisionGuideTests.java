package io.marketops.experiments;

import io.marketops.experiments.DecisionGuide.Guardrail;
import io.marketops.experiments.DecisionGuide.Verdict;
import io.marketops.experiments.stats.Alternative;
import io.marketops.experiments.stats.Analysis;
import io.marketops.experiments.stats.Analysis.Engine;
import io.marketops.experiments.stats.Analysis.VariantData;
import io.marketops.experiments.stats.AnalysisReport;
import io.marketops.experiments.stats.Analyzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-language guide: ship, keep running or stop, for the reasons a marketer can check. */
class DecisionGuideTests {

    static AnalysisReport conversions(Engine engine, long... usersAndConversions) {
        var variants = new java.util.ArrayList<VariantData>();
        for (int i = 0; i < usersAndConversions.length; i += 2) {
            variants.add(new VariantData(i == 0 ? "control" : "v" + i / 2, usersAndConversions[i], usersAndConversions[i + 1], null));
        }
        return Analyzer.analyze(new Analysis(Analysis.MetricType.BINOMIAL, engine, false, 5000, Alternative.TWO_SIDED, 0.05,
                variants, null, null, null, null, false));
    }

    static DecisionGuide.Recommendation guide(AnalysisReport primary, List<Guardrail> guardrails) {
        return DecisionGuide.recommend(primary, Engine.FREQUENTIST, 0.05, false, guardrails);
    }

    @Test
    void aClearWinnerIsShipped() {
        var r = guide(conversions(Engine.FREQUENTIST, 10_000, 1_000, 10_000, 1_200), List.of());
        assertThat(r).isEqualTo(new DecisionGuide.Recommendation(Verdict.SHIP, "winner", "v1"));
    }

    @Test
    void theBestOfSeveralWinnersIsShipped() {
        var r = guide(conversions(Engine.FREQUENTIST, 10_000, 1_000, 10_000, 1_200, 10_000, 1_300), List.of());
        assertThat(r.variant()).isEqualTo("v2");
    }

    @Test
    void aSampleRatioMismatchStopsEverything() {
        var r = guide(conversions(Engine.FREQUENTIST, 10_000, 1_000, 12_000, 1_600), List.of());
        assertThat(r.verdict()).isEqualTo(Verdict.STOP);
        assertThat(r.reason()).isEqualTo("srm");
    }

    @Test
    void aWinnerThatHurtsAGuardrailIsNotShipped() {
        var primary = conversions(Engine.FREQUENTIST, 10_000, 1_000, 10_000, 1_200);
        var refunds = conversions(Engine.FREQUENTIST, 10_000, 100, 10_000, 200);
        var r = guide(primary, List.of(new Guardrail("refund_rate", refunds, true)));
        assertThat(r).isEqualTo(new DecisionGuide.Recommendation(Verdict.STOP, "guardrail", "refund_rate"));
        var fine = guide(primary, List.of(new Guardrail("refund_rate", conversions(Engine.FREQUENTIST, 10_000, 100, 10_000, 101), true)));
        assertThat(fine.verdict()).isEqualTo(Verdict.SHIP);
    }

    @Test
    void noDetectableDifferenceMeansKeepRunning() {
        var r = guide(conversions(Engine.FREQUENTIST, 10_000, 1_000, 10_000, 1_010), List.of());
        assertThat(r).isEqualTo(new DecisionGuide.Recommendation(Verdict.KEEP_RUNNING, "noDifference", null));
    }

    @Test
    void everyTreatmentWorseMeansStopAndKeepTheControl() {
        var r = guide(conversions(Engine.FREQUENTIST, 10_000, 1_200, 10_000, 1_000), List.of());
        assertThat(r).isEqualTo(new DecisionGuide.Recommendation(Verdict.STOP, "allWorse", null));
    }

    @Test
    void noUsersYetMeansKeepRunning() {
        assertThat(guide(conversions(Engine.FREQUENTIST, 0, 0, 0, 0), List.of()).reason()).isEqualTo("noData");
    }

    @Test
    void lowerIsBetterMetricsWinDownwards() {
        var bounce = conversions(Engine.FREQUENTIST, 10_000, 4_000, 10_000, 3_600);
        assertThat(DecisionGuide.recommend(bounce, Engine.FREQUENTIST, 0.05, true, List.of()).verdict()).isEqualTo(Verdict.SHIP);
        assertThat(DecisionGuide.recommend(bounce, Engine.FREQUENTIST, 0.05, false, List.of()).reason()).isEqualTo("allWorse");
    }

    @Test
    void theBayesianEngineDecidesOnChanceToWin() {
        var report = conversions(Engine.BAYESIAN, 10_000, 1_000, 10_000, 1_080);
        double chance = report.variants().get(1).relativeLift().chanceToWin();
        var r = DecisionGuide.recommend(report, Engine.BAYESIAN, 0.05, false, List.of());
        assertThat(r.verdict()).isEqualTo(chance >= 0.95 ? Verdict.SHIP : Verdict.KEEP_RUNNING);
        assertThat(chance).isGreaterThan(0.95);
    }
}
