package io.marketops.anomalies.web;

import io.marketops.core.InvalidRequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Request dates as sent (strings), parsed with an error that names the field. */
final class Dates {
    private Dates() {
    }

    static LocalDate parse(String field, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            if (fallback == null) throw new InvalidRequest(field, "is required: a local day like 2026-07-01");
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(field, "'" + text + "' is not a date; write yyyy-MM-dd, e.g. 2026-07-01");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
