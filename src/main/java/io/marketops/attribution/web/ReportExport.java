package io.marketops.attribution.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.marketops.attribution.ChannelReport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A channel report as one table, one row per model and channel:
 * {@code model, channel, conversions, value, cost, cpa, roas, roi, removal_effect} (removal effect for
 * Markov rows only). CSV is UTF-8 with a byte-order mark so Excel shows Chinese channel names.
 */
final class ReportExport {
    static final List<String> HEADER = List.of("model", "channel", "conversions", "value", "cost", "cpa", "roas", "roi", "removal_effect");

    private ReportExport() {
    }

    static List<List<Object>> rows(ChannelReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, ChannelReport.ModelRoi> m : report.models().entrySet()) {
            Map<String, Double> effects = m.getValue().markov() == null ? Map.of() : m.getValue().markov().removalEffects();
            for (ChannelReport.ChannelRoi c : m.getValue().channels()) {
                List<Object> row = new ArrayList<>();
                row.add(m.getKey());
                row.add(c.channel());
                row.add(c.conversions());
                row.add(c.value());
                row.add(c.cost());
                row.add(c.cpa());
                row.add(c.roas());
                row.add(c.roi());
                row.add(effects.get(c.channel()));
                rows.add(row);
            }
        }
        return rows;
    }

    static byte[] csv(ChannelReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CsvWriter w = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            w.writeRecord(HEADER);
            for (List<Object> row : rows(report)) w.writeRecord(row.stream().map(ReportExport::text).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(ChannelReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("attribution");
            CellStyle bold = book.createCellStyle();
            var font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(HEADER.get(i));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (List<Object> row : rows(report)) {
                Row x = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    if (v == null) continue;
                    Cell cell = x.createCell(i);
                    if (v instanceof Number n) cell.setCellValue(n.doubleValue());
                    else cell.setCellValue(v.toString());
                }
            }
            // fixed widths: autoSizeColumn needs AWT fonts, which headless servers may lack
            for (int i = 0; i < HEADER.size(); i++) sheet.setColumnWidth(i, (i == 1 ? 22 : 14) * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object v) {
        if (v == null) return "";
        if (v instanceof BigDecimal b) return b.toPlainString();
        return v.toString();
    }
}
