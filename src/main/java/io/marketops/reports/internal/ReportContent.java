package io.marketops.reports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A built report: every number and sentence its renderings show, archived as JSON with the run, so a page, PDF or
 * XLSX fetched later shows exactly what was built. Numbers come from the metrics API as built; names and the
 * narrative are in the report's language.
 *
 * @param previousFrom the 环比 period (the period of the same length just before; whole months for a month)
 * @param yearAgoFrom  the 同比 period (the same days a year before)
 */
public record ReportContent(long reportId, String title, String workspaceName, String frequency, String language, String currency,
                            String timezone, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
                            LocalDate yearAgoFrom, LocalDate yearAgoTo, Instant generatedAt, List<Kpi> kpis, List<Trend> trends,
                            List<Mover> movers, AnomalySection anomalies, List<ChannelRoi> channels, ChannelRoi channelTotal,
                            List<String> narrative) {

    /**
     * @param change     环比 as a fraction (0.118 = +11.8 %), null when the previous value is 0 or missing
     * @param yearChange 同比 likewise
     * @param attainment value ÷ target (target ÷ value for metrics where lower is better), null without a target
     */
    public record Kpi(String metric, String name, String unit, String direction, BigDecimal value, BigDecimal previous, Double change,
                      BigDecimal yearAgo, Double yearChange, BigDecimal target, Double attainment) {
    }

    /** One metric by local day, with the 环比 period's day at the same position (null past its end). */
    public record Trend(String metric, String name, String unit, List<TrendPoint> points) {
    }

    public record TrendPoint(LocalDate day, BigDecimal value, BigDecimal previous) {
    }

    /** A dimension value whose metric moved most against the previous period; {@code value} null is "no value". */
    public record Mover(String dimension, String dimensionValue, String metric, String name, String unit, BigDecimal value,
                        BigDecimal previous, BigDecimal delta, Double change) {
    }

    /** @param available false when no anomaly detection is installed; then {@code items} is empty */
    public record AnomalySection(boolean available, List<AnomalyItem> items) {
    }

    public record AnomalyItem(String metric, String name, LocalDate date, String dimension, String dimensionValue, double expected,
                              double actual, String severity, String explanation) {
    }

    /** Channel ROI: cost and GMV of one channel (null channel: orders and costs without one); ROAS = GMV ÷ cost, ROI = (GMV − cost) ÷ cost. */
    public record ChannelRoi(String channel, BigDecimal cost, BigDecimal gmv, BigDecimal orders, BigDecimal roas, BigDecimal roi) {
    }
}
