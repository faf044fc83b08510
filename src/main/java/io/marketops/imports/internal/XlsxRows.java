package io.marketops.imports.internal;

import io.marketops.core.InvalidRequest;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Streams the first sheet of an XLSX workbook with POI's SAX event reader: memory stays flat
 * with the number of rows (the shared-strings table, i.e. the distinct texts, is held in memory).
 * Numbers come out unformatted and date cells as ISO text, whatever the cell's display format.
 */
final class XlsxRows {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Path path;

    XlsxRows(Path path) {
        this.path = path;
    }

    void read(RowSink sink, DoubleConsumer progress) {
        // big sheets compress very well; the default zip-bomb guard would refuse honest exports
        ZipSecureFile.setMinInflateRatio(0.001);
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) throw new InvalidRequest("file", "the workbook has no sheet");
            try (InputStream raw = sheets.next()) {
                long size = Math.max(1, sheets.getSheetPart().getSize());
                Counting in = new Counting(raw, size, progress);
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, new Rows(sink), new RawFormatter(), false));
                xml.parse(new InputSource(in));
            }
        } catch (InvalidRequest | RowSink.Stop e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("org.apache.poi")) throw new InvalidRequest("file", "is not a readable XLSX workbook: " + e.getMessage());
            throw e;
        } catch (Exception e) {
            throw new InvalidRequest("file", "is not a readable XLSX workbook: " + e.getMessage());
        }
    }

    /** Collects one row's cells in column order, filling the gaps Excel leaves for empty cells. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private final List<String> cells = new ArrayList<>();

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(c -> !c.isBlank())) sink.accept(rowNum + 1L, List.copyOf(cells));
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : new CellReference(ref).getCol();
            while (cells.size() < col) cells.add("");
            cells.add(value == null ? "" : value);
        }
    }

    /** Numbers as plain decimals, dates as {@code yyyy-MM-dd HH:mm:ss}: the cell's value, not its look. */
    private static final class RawFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904, true);
                return t.toLocalTime().toSecondOfDay() == 0 && !formatString.toLowerCase(java.util.Locale.ROOT).contains("h") ? t.toLocalDate().toString() : ISO.format(t);
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
            return BigDecimal.valueOf(value).toPlainString();
        }
    }

    /** Reports progress as the share of the sheet's XML read so far. */
    private static final class Counting extends FilterInputStream {
        private final long size;
        private final DoubleConsumer progress;
        private long count, lastReport;

        Counting(InputStream in, long size, DoubleConsumer progress) {
            super(in);
            this.size = size;
            this.progress = progress;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            if (count - lastReport > (1 << 20)) {
                lastReport = count;
                progress.accept(Math.min(1.0, count / (double) size));
            }
            return n;
        }
    }
}
