package io.marketops.imports.internal;

import io.marketops.imports.ImportRejection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one row's fields through the mapping (column, else the mapping's default) and collects
 * every problem of the row, each naming the field and why; a row with any problem is rejected whole.
 * Blank cells, "-" and "--" count as empty. Reused for every row of a file.
 */
final class RowReader {
    private final ResolvedMapping mapping;
    private final List<ImportRejection> problems = new ArrayList<>();
    private List<String> cells = List.of();
    private long row;

    RowReader(ResolvedMapping mapping) {
        this.mapping = mapping;
    }

    RowReader reset(long row, List<String> cells) {
        this.row = row;
        this.cells = cells;
        problems.clear();
        return this;
    }

    ResolvedMapping mapping() {
        return mapping;
    }

    long row() {
        return row;
    }

    List<String> cells() {
        return cells;
    }

    boolean failed() {
        return !problems.isEmpty();
    }

    List<ImportRejection> problems() {
        return problems;
    }

    void reject(String field, String value, String reason) {
        problems.add(new ImportRejection(row, field, value == null ? null : Masks.field(field == null ? "" : field, value), reason));
    }

    /** The cell's text (trimmed), the default when the column is absent or empty, or null. */
    String raw(String field) {
        Integer col = mapping.columns().get(field);
        if (col != null && col < cells.size()) {
            String v = cells.get(col);
            if (!Values.blank(v)) return v.trim();
        }
        return mapping.defaults().get(field);
    }

    String cell(int column) {
        if (column >= cells.size()) return null;
        String v = cells.get(column);
        return Values.blank(v) ? null : v.trim();
    }

    String text(String field, boolean required, int maxLength) {
        String v = raw(field);
        if (v == null) {
            if (required) reject(field, null, "is empty; every row needs a " + field);
            return null;
        }
        if (v.length() > maxLength) {
            reject(field, v.substring(0, Math.min(40, v.length())) + "…", "is longer than " + maxLength + " characters");
            return null;
        }
        return v;
    }

    BigDecimal money(String field, boolean required, boolean negativeAllowed, int scale) {
        String v = raw(field);
        if (v == null) {
            if (required) reject(field, null, "is empty; every row needs an amount");
            return required ? null : BigDecimal.ZERO;
        }
        try {
            BigDecimal d = Values.decimal(v);
            if (!negativeAllowed && d.signum() < 0) {
                reject(field, v, "is negative; " + field + " cannot be");
                return null;
            }
            if (d.abs().compareTo(new BigDecimal("1e15")) >= 0) {
                reject(field, v, "is too large");
                return null;
            }
            return d.setScale(scale, RoundingMode.HALF_UP);
        } catch (Values.Bad e) {
            reject(field, v, e.getMessage());
            return null;
        }
    }

    /** A non-negative whole number; empty reads as 0. */
    long count(String field) {
        String v = raw(field);
        if (v == null) return 0;
        try {
            return Values.count(v);
        } catch (Values.Bad e) {
            reject(field, v, e.getMessage());
            return 0;
        }
    }

    /** A whole number that may be negative (returned items, followers lost); empty reads as {@code empty}. */
    long integer(String field, long empty) {
        String v = raw(field);
        if (v == null) return empty;
        try {
            BigDecimal d = Values.decimal(v);
            if (d.stripTrailingZeros().scale() > 0) throw new Values.Bad("'" + v + "' is not a whole number");
            return d.longValueExact();
        } catch (Values.Bad e) {
            reject(field, v, e.getMessage());
        } catch (ArithmeticException e) {
            reject(field, v, "is too large");
        }
        return empty;
    }

    LocalDate date(String field, boolean required) {
        String v = raw(field);
        if (v == null) {
            if (required) reject(field, null, "is empty; every row needs a date");
            return null;
        }
        try {
            return Values.date(v, mapping.dateFormat());
        } catch (Values.Bad | java.time.DateTimeException e) {
            reject(field, v, e.getMessage());
            return null;
        }
    }

    Instant time(String field, boolean required) {
        String v = raw(field);
        if (v == null) {
            if (required) reject(field, null, "is empty; every row needs a time");
            return null;
        }
        try {
            return Values.instant(v, mapping.zone(), mapping.dateFormat());
        } catch (Values.Bad | java.time.DateTimeException e) {
            reject(field, v, e.getMessage());
            return null;
        }
    }

    Boolean yesNo(String field) {
        String v = raw(field);
        if (v == null) return null;
        try {
            return Values.yesNo(v);
        } catch (Values.Bad e) {
            reject(field, v, e.getMessage());
            return null;
        }
    }

    Double rate(String field) {
        String v = raw(field);
        if (v == null) return null;
        try {
            return Values.rate(v);
        } catch (Values.Bad e) {
            reject(field, v, e.getMessage());
            return null;
        }
    }
}
