package io.marketops.imports.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.imports.ColumnMapping;
import io.marketops.imports.ImportKind;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A mapping applied to one file's header row: which column feeds which field, the constant
 * defaults, trait columns (customers) and how to read times. Built by {@link #resolve}, which
 * refuses, naming what to fix, when a required field has neither a column nor a default.
 */
record ResolvedMapping(ImportKind kind, List<String> headers, Map<String, Integer> columns, Map<String, String> defaults,
                       Map<String, Integer> traits, ZoneId zone, String dateFormat) {

    static ResolvedMapping resolve(ImportKind kind, List<String> headers, ColumnMapping explicit, ZoneId workspaceZone) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, Integer> traits = new LinkedHashMap<>();
        Set<Integer> taken = new TreeSet<>();
        for (var e : explicit.columns().entrySet()) {
            int col = column(headers, e.getKey());
            String field = e.getValue() == null ? Fields.IGNORE : e.getValue().trim();
            taken.add(col);
            if (field.equals(Fields.IGNORE) || field.isEmpty()) continue;
            if (field.equals(Fields.TRAIT) && kind == ImportKind.CUSTOMERS) {
                traits.put(headers.get(col).trim(), col);
                continue;
            }
            if (Fields.find(kind, field).isEmpty()) {
                throw new InvalidRequest("mapping", "'" + field + "' is not a field of " + kind.slug() + "; use one of " + fieldList(kind));
            }
            if (columns.containsKey(field)) {
                throw new InvalidRequest("mapping", "field '" + field + "' is mapped from two columns ('" + headers.get(columns.get(field))
                        + "' and '" + headers.get(col) + "'); map one of them to 'ignore'");
            }
            columns.put(field, col);
        }
        List<String> ambiguous = new ArrayList<>();
        for (Headers.Suggestion s : Headers.suggest(kind, headers)) {
            if (s.field() == null || taken.contains(s.column()) || columns.containsKey(s.field())) continue;
            if (s.ambiguous()) ambiguous.add("'" + s.header() + "'");
            else columns.put(s.field(), s.column());
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        for (var d : explicit.defaults().entrySet()) {
            if (Fields.find(kind, d.getKey()).isEmpty()) {
                throw new InvalidRequest("mapping", "default for '" + d.getKey() + "': not a field of " + kind.slug() + "; use one of " + fieldList(kind));
            }
            if (d.getValue() != null && !d.getValue().isBlank()) defaults.put(d.getKey(), d.getValue().trim());
        }
        List<String> missing = new ArrayList<>();
        for (Fields.Field f : Fields.of(kind)) {
            if (f.required() && !columns.containsKey(f.id()) && !defaults.containsKey(f.id())) missing.add(f.id());
        }
        if (kind == ImportKind.ORDERS && !columns.containsKey("amount") && !columns.containsKey("unit_price")) missing.add("amount (or unit_price with items)");
        if (!missing.isEmpty()) {
            throw new InvalidRequest("mapping", "no column found for " + String.join(", ", missing)
                    + (ambiguous.isEmpty() ? "" : "; ambiguous columns " + String.join(", ", ambiguous))
                    + ". The file's columns are " + headers + ". Send a mapping such as {\"columns\":{\"<column>\":\"" + missing.get(0).split(" ")[0]
                    + "\"}} or a default such as {\"defaults\":{\"channel\":\"douyin\"}}");
        }
        ZoneId zone = zone(explicit.timezone(), workspaceZone);
        if (explicit.dateFormat() != null) {
            try {
                DateTimeFormatter.ofPattern(explicit.dateFormat());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequest("mapping", "dateFormat '" + explicit.dateFormat() + "' is not a date pattern (e.g. dd/MM/yyyy): " + e.getMessage());
            }
        }
        return new ResolvedMapping(kind, List.copyOf(headers), columns, defaults, traits, zone, explicit.dateFormat());
    }

    private static ZoneId zone(String timezone, ZoneId fallback) {
        if (timezone == null) return fallback;
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InvalidRequest("mapping", "timezone '" + timezone + "' is not a time zone (e.g. Asia/Shanghai, Europe/London)");
        }
    }

    private static int column(List<String> headers, String name) {
        for (int i = 0; i < headers.size(); i++) if (headers.get(i).trim().equals(name.trim())) return i;
        String n = Headers.normalize(name);
        for (int i = 0; i < headers.size(); i++) if (!n.isEmpty() && Headers.normalize(headers.get(i)).equals(n)) return i;
        throw new InvalidRequest("mapping", "column '" + name + "' is not in the file; its columns are " + headers);
    }

    private static String fieldList(ImportKind kind) {
        List<String> ids = new ArrayList<>(Fields.ids(kind));
        if (kind == ImportKind.CUSTOMERS) ids.add(Fields.TRAIT);
        ids.add(Fields.IGNORE);
        return String.join(", ", ids);
    }

    /** The mapping as header → field, for the job record and the UI. */
    Map<String, String> asColumns() {
        Map<String, String> m = new LinkedHashMap<>();
        columns.forEach((field, col) -> m.put(headers.get(col), field));
        traits.forEach((name, col) -> m.put(headers.get(col), Fields.TRAIT));
        for (String h : headers) m.putIfAbsent(h, Fields.IGNORE); // so that a resumed job maps exactly the same
        return m;
    }

    ColumnMapping asColumnMapping(String source) {
        return new ColumnMapping(asColumns(), defaults, zone.getId(), dateFormat, source, false);
    }

    boolean has(String field) {
        return columns.containsKey(field) || defaults.containsKey(field);
    }
}
