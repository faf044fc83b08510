package io.marketops.metrics.internal;

import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The local-day expression of an instant column. The zone is written as a literal, not bound: DuckDB
 * resolves a constant zone once per statement, a bound one once per row (16 s instead of 0.2 s on
 * 3 million events). The id comes from {@link ZoneId} (the workspace setting) and is checked
 * against the characters zone ids use, so it can never carry SQL.
 */
final class LocalDays {
    private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9/_+\\-]{1,64}");

    private LocalDays() {
    }

    static String of(String column, ZoneId zone) {
        String id = zone.getId();
        if (!ZONE_ID.matcher(id).matches()) throw new IllegalArgumentException("unexpected zone id " + id);
        return "CAST(timezone('" + id + "', " + column + ") AS DATE)";
    }
}
