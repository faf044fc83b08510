package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The dimensions a query may name, mapped to columns per fact table. Column names come only from
 * this whitelist; an event property is read with {@code json_extract_string} and a bound JSON path.
 */
final class Dimensions {
    static final String PROPERTY_PREFIX = "properties.";
    private static final Pattern PROPERTY_NAME = Pattern.compile("[\\p{L}\\p{N}_\\-]{1,64}");

    /** Whether {@code name} can follow {@code properties.} in a dimension or filter: 1–64 letters, digits, '_' or '-'. */
    static boolean isPropertyName(String name) {
        return name != null && PROPERTY_NAME.matcher(name).matches();
    }

    /** Dimension → events column. */
    static final Map<String, String> EVENT_COLUMNS = new LinkedHashMap<>();

    static {
        EVENT_COLUMNS.put("channel", "channel");
        EVENT_COLUMNS.put("campaign", "utm_campaign");
        EVENT_COLUMNS.put("content", "utm_content");
        EVENT_COLUMNS.put("source", "utm_source");
        EVENT_COLUMNS.put("medium", "utm_medium");
        EVENT_COLUMNS.put("device", "device");
        EVENT_COLUMNS.put("region", "region");
        EVENT_COLUMNS.put("city", "city");
        EVENT_COLUMNS.put("platform", "platform");
        EVENT_COLUMNS.put("os", "os");
        EVENT_COLUMNS.put("browser", "browser");
        EVENT_COLUMNS.put("event", "event");
        EVENT_COLUMNS.put("type", "type");
    }

    /**
     * Orders and ad costs carry channel and campaign only; content metrics carry the platform they were published on as
     * channel and the post's title as content (events: utm_content), so a report can break reads down by piece of content.
     */
    static final Map<String, String> ORDER_COLUMNS = Map.of("channel", "channel", "campaign", "campaign");
    static final Map<String, String> AD_COLUMNS = Map.of("channel", "channel", "campaign", "campaign");
    static final Map<String, String> CONTENT_COLUMNS = Map.of("channel", "platform", "content", "title");

    private Dimensions() {
    }

    static String allowedList() {
        return String.join(", ", EVENT_COLUMNS.keySet()) + " or properties.<name>";
    }

    static boolean isProperty(String dim) {
        return dim != null && dim.startsWith(PROPERTY_PREFIX);
    }

    /** Checks a dimension name's form; throws naming {@code field}. */
    static void validate(String field, String dim) {
        if (dim == null || dim.isBlank()) throw new InvalidRequest(field, "must not be empty; use " + allowedList());
        if (isProperty(dim)) {
            String name = dim.substring(PROPERTY_PREFIX.length());
            if (!isPropertyName(name)) {
                throw new InvalidRequest(field, "'" + name + "' is not a valid property name: use 1 to 64 letters, digits, '_' or '-'");
            }
            return;
        }
        if (!EVENT_COLUMNS.containsKey(dim)) {
            throw new InvalidRequest(field, "unknown dimension '" + dim + "'; use " + allowedList());
        }
    }

    /** JSON path for a property name that passed {@link #validate}; bound as a parameter, never concatenated. */
    static String jsonPath(String dim) {
        return "$.\"" + dim.substring(PROPERTY_PREFIX.length()) + "\"";
    }

    /** The expression for a dimension over events aliased {@code e}. */
    static Sql event(String dim) {
        if (isProperty(dim)) return Sql.of("json_extract_string(e.properties, ?)", jsonPath(dim));
        return Sql.of("e." + EVENT_COLUMNS.get(dim));
    }

    /** The column of a non-event fact table, or null when that table does not have the dimension. */
    static String column(Map<String, String> table, String dim) {
        return table.get(dim);
    }

    /** The named dimensions (no properties.<name>) every measure of the given sources can be broken down by, in catalog order. */
    static List<String> common(java.util.Collection<Source> sources) {
        List<String> out = new java.util.ArrayList<>(EVENT_COLUMNS.keySet());
        for (Source s : sources) {
            Map<String, String> cols = switch (s) {
                case ORDERS -> ORDER_COLUMNS;
                case ADS -> AD_COLUMNS;
                case CONTENT -> CONTENT_COLUMNS;
                default -> EVENT_COLUMNS;
            };
            out.retainAll(cols.keySet());
        }
        return out;
    }

    static List<Sql> events(List<String> dims) {
        return dims.stream().map(Dimensions::event).toList();
    }
}
