package io.marketops.attribution.web;

import io.marketops.attribution.ChannelReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison page's table: one row per channel, one cell per model holding the chosen metric.
 * Rows are ordered by the channel's largest credit over the models, so the channels that matter
 * under any model come first.
 */
record ComparisonView(String metric, List<String> models, List<Row> rows) {
    static final List<String> METRICS = List.of("conversions", "value", "cpa", "roas", "roi");

    record Row(String channel, BigDecimal cost, List<BigDecimal> cells, Double removalEffect) {
    }

    static ComparisonView of(ChannelReport report, String metric) {
        List<String> models = new ArrayList<>(report.models().keySet());
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, Double> best = new LinkedHashMap<>();
        ChannelReport.ModelRoi markov = report.models().get("markov");
        for (String model : models) {
            for (ChannelReport.ChannelRoi c : report.models().get(model).channels()) {
                Row row = rows.computeIfAbsent(c.channel(), ch -> new Row(ch, c.cost(), new ArrayList<>(),
                        markov == null ? null : markov.markov().removalEffects().get(ch)));
                row.cells().add(cell(c, metric));
                best.merge(c.channel(), c.conversions(), Math::max);
            }
        }
        List<Row> ordered = new ArrayList<>(rows.values());
        ordered.sort(Comparator.comparingDouble((Row r) -> -best.get(r.channel())).thenComparing(Row::channel));
        return new ComparisonView(metric, models, ordered);
    }

    static BigDecimal cell(ChannelReport.ChannelRoi c, String metric) {
        return switch (metric) {
            case "value" -> c.value();
            case "cpa" -> c.cpa();
            case "roas" -> c.roas();
            case "roi" -> c.roi();
            default -> BigDecimal.valueOf(c.conversions()).setScale(2, java.math.RoundingMode.HALF_UP);
        };
    }

    /** The chart's data: channels on the x axis, one bar series per model (null cells stay gaps). */
    Map<String, Object> chart(Map<String, String> modelNames, String metricName) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            List<BigDecimal> data = new ArrayList<>();
            for (Row r : rows) data.add(r.cells().get(m));
            series.add(Map.of("name", modelNames.get(models.get(m)), "data", data));
        }
        return Map.of("channels", rows.stream().map(Row::channel).toList(), "series", series, "metric", metricName);
    }
}
