package io.marketops.imports;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where an import job is. {@code draft}: uploaded for preview, waiting for a mapping;
 * {@code queued}/{@code running}: reading and validating rows into the staging file;
 * {@code merging}: applying the staged rows in one transaction; {@code done} or {@code failed}.
 * Jobs found queued, running or merging at start-up are resumed.
 */
public enum ImportStatus {
    DRAFT, QUEUED, RUNNING, MERGING, DONE, FAILED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == DONE || this == FAILED;
    }

    public static ImportStatus parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
