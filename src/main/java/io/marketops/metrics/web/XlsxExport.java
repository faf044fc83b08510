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

/** Writes an explore result as an XLSX table: the same rows the page's table shows, numbers as numbers. */
final class XlsxExport {
    private XlsxExport() {
    }

    static byte[] write(String title, Object result) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(title.replaceAll("[\\\\/?*\\[\\]:]", " ").substring(0, Math.min(31, title.length())));
            List<List<Object>> rows = rows(result);
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

    static List<List<Object>> rows(Object result) {
        List<List<Object>> rows = new ArrayList<>();
        if (result instanceof MetricResult m) {
            List<Object> head = new ArrayList<>(List.of("period"));
            head.addAll(m.dimensions());
            List<String> ids = m.rows().isEmpty() ? List.of() : new ArrayList<>(m.rows().get(0).values().keySet());
            head.addAll(ids);
            if (m.compareFrom() != null) ids.forEach(id -> { head.add(id + " (compare)"); head.add(id + " change"); });
            rows.add(head);
            for (var r : m.rows()) {
                List<Object> row = new ArrayList<>(List.of(r.period()));
                for (String d : m.dimensions()) row.add(r.dimensions().get(d));
                ids.forEach(id -> row.add(r.values().get(id)));
                if (r.compare() != null) ids.forEach(id -> { row.add(r.compare().get(id).value()); row.add(r.compare().get(id).change()); });
                rows.add(row);
            }
        } else if (result instanceof FunnelResult f) {
            rows.add(List.of("breakdown", "step", "event", "users", "conversionFromPrevious", "conversionFromFirst", "medianSecondsFromPrevious"));
            funnelRows(rows, "(all)", f.steps());
            f.breakdown().forEach(b -> funnelRows(rows, b.value() == null ? "(none)" : b.value(), b.steps()));
        } else if (result instanceof RetentionResult r) {
            List<Object> head = new ArrayList<>(List.of("cohort", "size"));
            for (int p = 0; p <= r.periods(); p++) head.add("classic " + p);
            for (int p = 0; p <= r.periods(); p++) head.add("unbounded " + p);
            rows.add(head);
            for (var c : r.cohorts()) {
                List<Object> row = new ArrayList<>(List.of(c.cohort(), c.size()));
                c.periods().forEach(x -> row.add(x.classicRate()));
                c.periods().forEach(x -> row.add(x.unboundedRate()));
                rows.add(row);
            }
        } else if (result instanceof PathResult p) {
            rows.add(List.of("path", "people"));
            p.topPaths().forEach(x -> rows.add(List.of(p.event() + " → " + String.join(" → ", x.events()), x.people())));
            rows.add(List.of());
            rows.add(List.of("from", "to", "people"));
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
