package io.marketops.core;

/** The one text search of lists ({@code ?q=}): a case-insensitive substring, matched with {@code ILIKE}. */
public final class TextSearch {
    private TextSearch() {
    }

    /**
     * The {@code ILIKE} pattern for "contains {@code q}", with {@code q}'s own wildcards ({@code %}, {@code _}) and
     * the escape character (backslash, the default of PostgreSQL and DuckDB) escaped; null when {@code q} is blank.
     */
    public static String containsPattern(String q) {
        if (q == null || q.isBlank()) return null;
        return "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
