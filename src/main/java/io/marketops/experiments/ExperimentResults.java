package io.marketops.experiments;

import io.marketops.core.WorkspaceId;
import io.marketops.experiments.stats.Analysis;
import io.marketops.experiments.stats.AnalysisReport;

import java.util.List;

/**
 * An experiment's results from the warehouse: for each of its metrics that has a per-user
 * definition, the exposed users' values after their first exposure, analysed by the engine.
 */
public interface ExperimentResults {

    /**
     * @param role      primary, secondary or guardrail
     * @param analysis  null when the metric has no per-user definition (see {@link #supported()})
     * @param report    null when the metric has no per-user definition
     */
    record MetricResult(String metric, String role, Analysis analysis, AnalysisReport report) {
        public boolean computed() {
            return report != null;
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
