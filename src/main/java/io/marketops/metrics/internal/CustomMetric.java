package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.metrics.Filter;
import io.marketops.metrics.Metric;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A workspace's own metric over events: a count, a count of people or a sum of a numeric property
 * of one event with property filters — or the ratio of two such parts.
 *
 * @param denominator null for a plain count or sum
 */
public record CustomMetric(String id, String nameEn, String nameZh, String description, String unit, String direction,
                           Part numerator, Part denominator, String createdBy, Instant createdAt) {
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,62}");

    /** @param aggregation count (events), users (distinct people) or sum (of {@code property}, as a number) */
    public record Part(String aggregation, String event, String property, List<Filter> filters) {
        public Part {
            filters = filters == null ? List.of() : List.copyOf(filters);
        }
    }

    /** Checks the definition; messages name the field. Knowing the built-in ids is the caller's part. */
    public CustomMetric validated() {
        if (id == null || !ID.matcher(id).matches()) throw new InvalidRequest("id", "must be lower_snake_case: a letter, then 1 to 62 letters, digits or '_' (was '" + id + "')");
        if (nameEn == null || nameEn.isBlank()) throw new InvalidRequest("name", "is required");
        if (nameEn.length() > 100 || (nameZh != null && nameZh.length() > 100)) throw new InvalidRequest("name", "at most 100 characters");
        String u = unit == null ? (denominator == null ? "count" : "ratio") : unit.toLowerCase(Locale.ROOT);
        if (!List.of("count", "currency", "ratio", "times", "seconds").contains(u)) throw new InvalidRequest("unit", "must be count, currency, ratio, times or seconds");
        String d = direction == null ? "up" : direction.toLowerCase(Locale.ROOT);
        if (!List.of("up", "down", "neutral").contains(d)) throw new InvalidRequest("direction", "must be up, down or neutral");
        check("numerator", numerator);
        if (denominator != null) check("denominator", denominator);
        return new CustomMetric(id, nameEn.trim(), nameZh == null || nameZh.isBlank() ? nameEn.trim() : nameZh.trim(),
                description, u, d, numerator, denominator, createdBy, createdAt);
    }

    private static void check(String field, Part p) {
        if (p == null) throw new InvalidRequest(field, "is required: {\"aggregation\":\"count\",\"event\":\"sign_up\"}");
        if (!List.of("count", "users", "sum").contains(p.aggregation())) throw new InvalidRequest(field + ".aggregation", "must be count, users or sum, was '" + p.aggregation() + "'");
        if (p.event() == null || p.event().isBlank()) throw new InvalidRequest(field + ".event", "is required: the event name to count");
        if (p.aggregation().equals("sum")) {
            if (p.property() == null) throw new InvalidRequest(field + ".property", "is required for sum: the numeric event property to add up");
            Dimensions.validate(field + ".property", Dimensions.PROPERTY_PREFIX + p.property());
        }
        EventFilters.validate(field + ".filters", p.filters());
    }

    Metric metric() {
        String formula = describe(numerator) + (denominator == null ? "" : " / " + describe(denominator));
        Metric.Direction dir = Metric.Direction.valueOf(direction.toUpperCase(Locale.ROOT));
        String def = description == null || description.isBlank() ? formula : description;
        return new Metric(id, unit, dir, nameEn, nameZh, def, def, formula, true);
    }

    private static String describe(Part p) {
        String what = switch (p.aggregation()) {
            case "users" -> "count(distinct person)";
            case "sum" -> "sum(properties." + p.property() + ")";
            default -> "count(*)";
        };
        StringBuilder b = new StringBuilder(what).append(" where event = '").append(p.event()).append("'");
        for (Filter f : p.filters()) b.append(" and ").append(f.field()).append(' ').append(f.op()).append(' ').append(f.values());
        return b.toString();
    }

    /** The metric as the engine runs it: each part is one aggregate over the events source. */
    MetricDefinition definition() {
        List<Measure> measures = new ArrayList<>();
        measures.add(new Measure("custom:" + id + ":n", Source.EVENTS, aggregate(numerator)));
        if (denominator != null) measures.add(new Measure("custom:" + id + ":d", Source.EVENTS, aggregate(denominator)));
        return new MetricDefinition(metric(), measures, v -> {
            BigDecimal n = v.apply("custom:" + id + ":n");
            return denominator == null ? n : MetricDefinition.ratio(n, v.apply("custom:" + id + ":d"));
        });
    }

    private static Sql aggregate(Part p) {
        Sql cond = Sql.of("e.event = ?", p.event());
        Sql filters = EventFilters.events(p.filters());
        if (!filters.text().isEmpty()) cond.add(" AND ").add(filters);
        return switch (p.aggregation()) {
            case "users" -> Sql.of("count(DISTINCT e.person) FILTER (WHERE ").add(cond).add(")");
            case "sum" -> Sql.of("coalesce(sum(TRY_CAST(json_extract_string(e.properties, ?) AS DOUBLE)) FILTER (WHERE ",
                    Dimensions.jsonPath(Dimensions.PROPERTY_PREFIX + p.property())).add(cond).add("), 0)");
            default -> Sql.of("count(*) FILTER (WHERE ").add(cond).add(")");
        };
    }
}
