package io.marketops.reports.internal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;

import java.math.BigDecimal;

/** Writes rows to one sheet: text, numbers in the metric's format, changes and shares as percentages. */
final class XlsxSheet {
    private final Sheet sheet;
    private final Styles styles;
    private int next;

    XlsxSheet(Workbook book, Styles styles, String name) {
        this.sheet = book.createSheet(WorkbookUtil.createSafeSheetName(name));
        this.styles = styles;
    }

    /** Cell formats shared by the workbook (POI limits the number of styles, so they are made once). */
    static final class Styles {
        final CellStyle header, title, money, count, decimal, percent, change;

        Styles(Workbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = book.createCellStyle();
            title.setFont(big);
            money = format(book, "#,##0.00");
            count = format(book, "#,##0");
            decimal = format(book, "#,##0.00");
            percent = format(book, "0.00%");
            change = format(book, "+0.0%;-0.0%;0.0%");
        }

        private static CellStyle format(Workbook book, String f) {
            CellStyle s = book.createCellStyle();
            s.setDataFormat(book.createDataFormat().getFormat(f));
            return s;
        }
    }

    Sheet sheet() {
        return sheet;
    }

    int nextRow() {
        return next;
    }

    void skip(int rows) {
        next += rows;
    }

    void blank() {
        next++;
    }

    void title(String text) {
        Cell cell = sheet.createRow(next++).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(styles.title);
    }

    void text(String text) {
        sheet.createRow(next++).createCell(0).setCellValue(text);
    }

    void header(String... names) {
        Row r = sheet.createRow(next++);
        for (int k = 0; k < names.length; k++) {
            Cell c = r.createCell(k);
            c.setCellValue(names[k]);
            c.setCellStyle(styles.header);
        }
        sheet.createFreezePane(0, next);
    }

    RowWriter row() {
        return new RowWriter(sheet.createRow(next++));
    }

    void widths(int... chars) {
        for (int k = 0; k < chars.length; k++) sheet.setColumnWidth(k, chars[k] * 256);
    }

    final class RowWriter {
        private final Row row;
        private int col;

        RowWriter(Row row) {
            this.row = row;
        }

        RowWriter text(String v) {
            Cell c = row.createCell(col++);
            if (v != null) c.setCellValue(v);
            return this;
        }

        RowWriter number(double v) {
            Cell c = row.createCell(col++);
            c.setCellValue(v);
            c.setCellStyle(styles.decimal);
            return this;
        }

        /** A metric value in its unit's format; empty when undefined. */
        RowWriter value(BigDecimal v, String unit) {
            Cell c = row.createCell(col++);
            if (v == null) return this;
            c.setCellValue(v.doubleValue());
            c.setCellStyle(switch (unit) {
                case "currency" -> styles.money;
                case "ratio" -> styles.percent;
                case "count" -> v.stripTrailingZeros().scale() <= 0 ? styles.count : styles.decimal;
                default -> styles.decimal;
            });
            return this;
        }

        RowWriter change(Double v) {
            Cell c = row.createCell(col++);
            if (v == null) return this;
            c.setCellValue(v);
            c.setCellStyle(styles.change);
            return this;
        }

        RowWriter share(Double v) {
            Cell c = row.createCell(col++);
            if (v == null) return this;
            c.setCellValue(v);
            c.setCellStyle(styles.percent);
            return this;
        }
    }
}
