package io.marketops.metrics.web;

import io.marketops.metrics.FunnelResult;
import io.marketops.metrics.MetricResult;
import io.marketops.metrics.PathResult;
import io.marketops.metrics.RetentionResult;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes an explore result as an XLSX table: the same rows the page's table shows, numbers as numbers, with the
 * page's words ({@link ChartTexts}: headings, metric and dimension names, channel display names) in its language.
 */
final class XlsxExport {
    private XlsxExport() {
    }

    static byte[] write(String title, Object result) {
        return write(title, result, Map.of());
    }

    static byte[] write(String title, Object result, Map<String, Object> texts) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(title.replaceAll("[\\\\/?*\\[\\]:]", " ").substring(0, Math.min(31, title.length())));
            List<List<Object>> rows = rows(result, new Words(texts));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else if (v != null) row.createCell(c).setCellValue(v.toString());
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write XLSX", e);
        }
    }

    /** The page's words; each falls back to the id or English heading when the page gave none. */
    record Words(Map<String, Object> texts) {
        @SuppressWarnings("unchecked")
        private String in(String group, String key, String fallback) {
            Object g = texts.get(group);
            Object v = g instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(key) : null;
            return v == null ? fallback : v.toString();
        }

        String label(String key, String fallback) {
            return in("labels", key, fallback);
        }

        String metric(String id) {
            return in("metrics", id, id);
        }

        String dimension(String id) {
            return in("dimensions", id, id);
        }

        Object value(String dimension, Object v) {
            return "channel".equals(dimension) && v != null ? in("channels", v.toString(), v.toString()) : v;
        }
    }

    static List<List<Object>> rows(Object result) {
        return rows(result, new Words(Map.of()));
    }

    static List<List<Object>> rows(Object result, Words w) {
        List<List<Object>> rows = new ArrayList<>();
        if (result instanceof MetricResult m) {
            List<Object> head = new ArrayList<>(List.of(w.label("period", "period")));
            m.dimensions().forEach(d -> head.add(w.dimension(d)));
            List<String> ids = m.rows().isEmpty() ? List.of() : new ArrayList<>(m.rows().get(0).values().keySet());
            ids.forEach(id -> head.add(w.metric(id)));
            if (m.compareFrom() != null) ids.forEach(id -> {
                head.add(w.metric(id) + " (" + w.label("compared", "compare") + ")");
                head.add(w.metric(id) + " " + w.label("change", "change"));
            });
            rows.add(head);
            for (var r : m.rows()) {
                List<Object> row = new ArrayList<>(List.of(r.period()));
                for (String d : m.dimensions()) row.add(w.value(d, r.dimensions().get(d)));
                ids.forEach(id -> row.add(r.values().get(id)));
                if (r.compare() != null) ids.forEach(id -> { row.add(r.compare().get(id).value()); row.add(r.compare().get(id).change()); });
                rows.add(row);
            }
        } else if (result instanceof FunnelResult f) {
            rows.add(List.of(w.label("breakdown", "breakdown"), w.label("step", "step"), w.label("event", "event"), w.label("users", "users"),
                    w.label("toPrevious", "conversionFromPrevious"), w.label("toFirst", "conversionFromFirst"), w.label("medianSeconds", "medianSecondsFromPrevious")));
            funnelRows(rows, w.label("all", "(all)"), f.steps());
            // the result does not name its breakdown dimension: values that are channel ids show as channel names
            String by = f.breakdown().isEmpty() ? null : "channel";
            f.breakdown().forEach(b -> funnelRows(rows, b.value() == null ? w.label("none", "(none)") : String.valueOf(w.value(by, b.value())), b.steps()));
        } else if (result instanceof RetentionResult r) {
            List<Object> head = new ArrayList<>(List.of(w.label("cohort", "cohort"), w.label("size", "size")));
            for (int p = 0; p <= r.periods(); p++) head.add(w.label("classicShort", "classic {0}").replace("{0}", Integer.toString(p)));
            for (int p = 0; p <= r.periods(); p++) head.add(w.label("unboundedShort", "unbounded {0}").replace("{0}", Integer.toString(p)));
            rows.add(head);
            for (var c : r.cohorts()) {
                List<Object> row = new ArrayList<>(List.of(c.cohort(), c.size()));
                c.periods().forEach(x -> row.add(x.classicRate()));
                c.periods().forEach(x -> row.add(x.unboundedRate()));
                rows.add(row);
            }
        } else if (result instanceof PathResult p) {
            rows.add(List.of(w.label("path", "path"), w.label("people", "people")));
            p.topPaths().forEach(x -> rows.add(List.of(p.event() + " → " + String.join(" → ", x.events()), x.people())));
            rows.add(List.of());
            rows.add(List.of(w.label("from", "from"), w.label("to", "to"), w.label("people", "people")));
            p.links().forEach(l -> rows.add(List.of(l.source(), l.target(), l.value())));
        }
        return rows;
    }

    private static void funnelRows(List<List<Object>> rows, String breakdown, List<FunnelResult.StepResult> steps) {
        for (var s : steps) {
            List<Object> row = new ArrayList<>();
            row.add(breakdown);
            row.add(s.step());
            row.add(s.event());
            row.add(s.users());
            row.add(s.conversionFromPrevious());
            row.add(s.conversionFromFirst());
            row.add(s.medianSecondsFromPrevious());
            rows.add(row);
        }
    }
}
