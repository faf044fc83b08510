package io.marketops.experiments;

import io.marketops.core.WorkspaceId;
import io.marketops.experiments.stats.Analysis;
import io.marketops.experiments.stats.AnalysisReport;

import java.util.List;

/**
 * An experiment's results from the warehouse: for each of its metrics that has a per-user
 * definition, the exposed people's values after their first exposure, analysed by the engine,
 * with CUPED on the same metric over the experiment's pre-period when there is pre-period
 * activity. People are matched through collection's identity links.
 */
public interface ExperimentResults {

    /**
     * @param role          primary, secondary or guardrail
     * @param analysis      what was analysed (with the CUPED pre-period sums when applied); null when the
     *                      metric has no per-user definition (see {@link #supported()})
     * @param report        the result the decision is made on: CUPED-adjusted when {@link #cuped()}; null
     *                      when the metric has no per-user definition
     * @param unadjusted    the same analysis without CUPED; null when CUPED was not applied
     * @param prePeriodDays the look-back used for CUPED (0 = off)
     */
    record MetricResult(String metric, String role, Analysis analysis, AnalysisReport report, AnalysisReport unadjusted,
                        int prePeriodDays) {
        public MetricResult(String metric, String role, Analysis analysis, AnalysisReport report) {
            this(metric, role, analysis, report, null, 0);
        }

        public boolean computed() {
            return report != null;
        }

        public boolean cuped() {
            return unadjusted != null;
        }

        /**
         * How much CUPED shrank the variance of variant {@code i}'s absolute lift against the
         * control: 1 − se²(adjusted) / se²(unadjusted); null for the control, without CUPED or
         * when not computable.
         */
        public Double varianceReduction(int i) {
            if (!cuped() || i <= 0 || i >= report.variants().size()) return null;
            var adjusted = report.variants().get(i).absoluteLift();
            var plain = unadjusted.variants().get(i).absoluteLift();
            if (adjusted == null || plain == null || !(plain.standardError() > 0)) return null;
            double r = adjusted.standardError() / plain.standardError();
            return 1 - r * r;
        }
    }

    /** @param settings engine, sequential, alpha … applied to every metric (the data fields are ignored) */
    List<MetricResult> compute(WorkspaceId workspace, String key, Settings settings);

    /** The metric ids MarketOps can compute per exposed user. */
    List<String> supported();

    record Settings(Analysis.Engine engine, boolean sequential, double alpha, double tuning) {
        public static Settings defaults() {
            return new Settings(Analysis.Engine.FREQUENTIST, false, 0.05, 5000);
        }
    }
}
