package io.marketops.collect.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** ISO-8601 date-times with an offset, as Segment's libraries send them ({@code 2026-11-01T08:00:00.000Z}). */
final class Timestamps {
    private Timestamps() {
    }

    /** The instant, or null when the text is not an ISO-8601 date-time with a zone offset. */
    static Instant parse(String text) {
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
