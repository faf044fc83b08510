package io.marketops.imports;

import io.marketops.core.InvalidRequest;

import java.util.Arrays;
import java.util.Locale;

/** What a file holds; the slug is the path segment of {@code POST /api/v1/imports/{kind}}. */
public enum ImportKind {
    AD_COSTS("ad-costs", "ad_costs"),
    ORDERS("orders", "orders"),
    CUSTOMERS("customers", "customers"),
    CONTENT_METRICS("content-metrics", "content_metrics");

    private final String slug;
    private final String table;

    ImportKind(String slug, String table) {
        this.slug = slug;
        this.table = table;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String slug() {
        return slug;
    }

    /** The warehouse fact table the kind lands in. */
    public String table() {
        return table;
    }

    public static ImportKind parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(k -> k.slug.equals(v)).findFirst()
                .orElseThrow(() -> new InvalidRequest("kind", "'" + value + "' is not an import kind; use one of "
                        + Arrays.stream(values()).map(ImportKind::slug).toList()));
    }
}
