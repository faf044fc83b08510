package io.marketops.attribution.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.marketops.attribution.PathTable;
import io.marketops.core.InvalidRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Reads ChannelAttribution's path-table CSV: a header naming {@code path} and
 * {@code total_conversions}, optionally {@code total_conversion_value} and {@code total_null}, in
 * any order; the separator ({@code ;}, {@code ,} or tab) is taken from the header line. Blank
 * lines are skipped; any other bad line stops the upload with its line number and what is wrong,
 * so nothing is half-loaded.
 */
final class PathCsv {
    private PathCsv() {
    }

    static PathTable read(Reader in, int maxRows) {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        try {
            reader.mark(1 << 16);
            String header = reader.readLine();
            if (header == null || header.isBlank()) throw new InvalidRequest("file", "is empty; the first line must be the header path;total_conversions;total_conversion_value;total_null");
            reader.reset();
            char separator = separator(header);
            PathTable.Builder table = PathTable.builder();
            try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true).ignoreDifferentFieldCount(true).ofCsvRecord(reader)) {
                Columns cols = null;
                for (CsvRecord r : csv) {
                    long line = r.getStartingLineNumber();
                    if (cols == null) {
                        cols = Columns.of(r.getFields());
                        continue;
                    }
                    if (r.getFieldCount() == 1 && r.getField(0).isBlank()) continue;
                    if (table.size() >= maxRows) throw new InvalidRequest("file", "has more than " + maxRows + " paths; aggregate equal paths or split the file");
                    add(table, cols, r, line);
                }
            }
            if (table.size() == 0) throw new InvalidRequest("file", "has a header but no paths");
            return table.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static char separator(String header) {
        if (header.indexOf(';') >= 0) return ';';
        if (header.indexOf('\t') >= 0) return '\t';
        return ',';
    }

    private static void add(PathTable.Builder table, Columns cols, CsvRecord r, long line) {
        if (r.getFieldCount() <= Math.max(cols.path, cols.conversions)) {
            throw new InvalidRequest("file", "line " + line + ": has " + r.getFieldCount() + " fields, expected " + cols.count);
        }
        String path = r.getField(cols.path);
        long conversions = whole(r, cols.conversions, line, "total_conversions");
        double value = cols.value < 0 ? 0 : number(r, cols.value, line, "total_conversion_value");
        long nulls = cols.nulls < 0 ? 0 : whole(r, cols.nulls, line, "total_null");
        try {
            table.add(path, conversions, value, nulls);
        } catch (IllegalArgumentException e) {
            String what = e.getMessage().startsWith("has no") || e.getMessage().startsWith("is missing") ? "path " + e.getMessage() : e.getMessage();
            throw new InvalidRequest("file", "line " + line + ": " + what);
        }
    }

    private static String field(CsvRecord r, int i) {
        return i < r.getFieldCount() ? r.getField(i).trim() : "";
    }

    private static long whole(CsvRecord r, int i, long line, String name) {
        String s = field(r, i);
        if (s.isEmpty()) return 0;
        if (s.length() < 10 && s.chars().allMatch(Character::isDigit)) return Integer.parseInt(s);
        try {
            double d = Double.parseDouble(s);
            if (d < 0 || d != Math.rint(d) || d > 1e15) throw new NumberFormatException();
            return (long) d;
        } catch (NumberFormatException e) {
            throw new InvalidRequest("file", "line " + line + ": " + name + " '" + s + "' is not a whole number 0 or more");
        }
    }

    private static double number(CsvRecord r, int i, long line, String name) {
        String s = field(r, i);
        if (s.isEmpty() || s.equals("0")) return 0;
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d) || d < 0) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidRequest("file", "line " + line + ": " + name + " '" + s + "' is not a number 0 or more");
        }
    }

    private record Columns(int path, int conversions, int value, int nulls, int count) {
        static Columns of(List<String> header) {
            int path = -1, conversions = -1, value = -1, nulls = -1;
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).trim().toLowerCase(Locale.ROOT).replace("\uFEFF", "");
                switch (h) {
                    case "path" -> path = i;
                    case "total_conversions", "conversions" -> conversions = i;
                    case "total_conversion_value", "value" -> value = i;
                    case "total_null", "nulls" -> nulls = i;
                    default -> { }
                }
            }
            if (path < 0 || conversions < 0) {
                throw new InvalidRequest("file", "line 1: the header must name the columns path and total_conversions "
                        + "(and optionally total_conversion_value, total_null), was '" + String.join(",", header) + "'");
            }
            return new Columns(path, conversions, value, nulls, header.size());
        }
    }
}
