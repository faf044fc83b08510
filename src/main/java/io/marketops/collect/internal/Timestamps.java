package io.marketops.collect.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 date-times with an offset, as Segment's libraries send them
 * ({@code 2026-11-01T08:00:00.000Z}). The common shape is read by hand (every event carries one
 * or two, and the general parser costs more than the rest of the checks); anything else goes to
 * {@link OffsetDateTime#parse}.
 */
final class Timestamps {
    private Timestamps() {
    }

    /** The instant, or null when the text is not an ISO-8601 date-time with a zone offset. */
    static Instant parse(String text) {
        if (text == null) return null;
        Instant fast = fast(text);
        if (fast != null) return fast;
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)}, or null to leave it to the general parser. */
    private static Instant fast(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') return null;
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2), hour = digits(s, 11, 2), min = digits(s, 14, 2), sec = digits(s, 17, 2);
        if ((year | month | day | hour | min | sec) < 0 || hour > 23 || min > 59 || sec > 59) return null;
        int i = 19;
        long nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(s.charAt(i))) i++;
            int len = i - start;
            if (len == 0 || len > 9) return null;
            nanos = digits(s, start, len);
            for (int k = len; k < 9; k++) nanos *= 10;
        }
        int offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2), om = digits(s, i + 4, 2);
            if (oh < 0 || om < 0 || oh > 18 || om > 59) return null;
            offset = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + min * 60L + sec - offset, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int k = from; k < from + len; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
