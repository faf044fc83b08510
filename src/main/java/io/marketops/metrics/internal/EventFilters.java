package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.metrics.Filter;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns {@link Filter}s into SQL conditions with bound values; fields come from {@link Dimensions}' whitelist. */
final class EventFilters {
    static final Set<String> OPS = Set.of("eq", "neq", "in", "not_in", "contains", "gt", "gte", "lt", "lte", "is_set", "is_not_set");

    private EventFilters() {
    }

    static void validate(String field, List<Filter> filters) {
        if (filters.size() > 20) throw new InvalidRequest(field, "at most 20 filters, was " + filters.size());
        for (int k = 0; k < filters.size(); k++) {
            Filter f = filters.get(k);
            String at = field + "[" + k + "]";
            if (f == null) throw new InvalidRequest(at, "must be an object like {\"field\":\"channel\",\"op\":\"eq\",\"value\":\"douyin\"}");
            Dimensions.validate(at + ".field", f.field());
            if (!OPS.contains(f.op())) throw new InvalidRequest(at + ".op", "unknown op '" + f.op() + "'; use one of " + String.join(", ", OPS.stream().sorted().toList()));
            boolean noValue = f.op().startsWith("is_");
            if (!noValue && f.values().isEmpty()) throw new InvalidRequest(at + ".value", "is required for op " + f.op());
            if (!noValue && !f.op().endsWith("in") && f.values().size() > 1) throw new InvalidRequest(at + ".values", "op " + f.op() + " takes one value; use in or not_in for several");
            if (f.values().size() > 1000) throw new InvalidRequest(at + ".values", "at most 1000 values");
            if (f.op().matches("gt|gte|lt|lte")) {
                try {
                    Double.parseDouble(f.values().get(0));
                } catch (NumberFormatException e) {
                    throw new InvalidRequest(at + ".value", "'" + f.values().get(0) + "' is not a number, which op " + f.op() + " needs");
                }
            }
        }
    }

    /** Conditions over events aliased {@code e}, joined by AND; empty text when there are none. */
    static Sql events(List<Filter> filters) {
        Sql s = new Sql();
        for (Filter f : filters) {
            if (!s.text().isEmpty()) s.add(" AND ");
            s.add(condition(Dimensions.event(f.field()), f));
        }
        return s;
    }

    /** Conditions over a non-event table, or throws naming the filter when the table lacks the field. */
    static Sql table(List<Filter> filters, Map<String, String> columns, String alias, String what, String metric) {
        Sql s = new Sql();
        for (int k = 0; k < filters.size(); k++) {
            Filter f = filters.get(k);
            String col = Dimensions.column(columns, f.field());
            if (col == null) {
                throw new InvalidRequest("filters[" + k + "].field", "metric '" + metric + "' comes from " + what + ", which cannot be filtered by '"
                        + f.field() + "'; " + what + " have " + String.join(" and ", columns.keySet().stream().sorted().toList()));
            }
            if (!s.text().isEmpty()) s.add(" AND ");
            s.add(condition(Sql.of(alias + "." + col), f));
        }
        return s;
    }

    static Sql condition(Sql expr, Filter f) {
        List<String> v = f.values();
        Sql s = new Sql();
        switch (f.op()) {
            case "eq" -> s.add("(").add(expr).add(" = ?)", v.get(0));
            case "neq" -> s.add("(").add(expr).add(" IS DISTINCT FROM ?)", v.get(0));
            case "contains" -> s.add("(contains(").add(expr).add(", ?))", v.get(0));
            case "in", "not_in" -> {
                s.add("(").add(expr).add(f.op().equals("in") ? " IN (" : " NOT IN (");
                for (int k = 0; k < v.size(); k++) s.add(k == 0 ? "?" : ", ?", v.get(k));
                s.add("))");
            }
            case "gt", "gte", "lt", "lte" -> {
                String op = switch (f.op()) { case "gt" -> ">"; case "gte" -> ">="; case "lt" -> "<"; default -> "<="; };
                s.add("(TRY_CAST(").add(expr).add(" AS DOUBLE) " + op + " ?)", Double.parseDouble(v.get(0)));
            }
            case "is_set" -> s.add("(").add(expr).add(" IS NOT NULL)");
            case "is_not_set" -> s.add("(").add(expr).add(" IS NULL)");
            default -> throw new InvalidRequest("op", "unknown op " + f.op());
        }
        return s;
    }
}
