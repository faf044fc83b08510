package io.marketops.metrics.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.metrics.Filter;
import io.marketops.warehouse.Warehouse;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks shared by every query: dates, range length, dimensions, filters and that named event properties exist. */
final class QueryValidation {
    private QueryValidation() {
    }

    static void range(LocalDate from, LocalDate to, int maxDays) {
        if (from == null) throw new InvalidRequest("from", "is required: the first local day, e.g. 2026-10-01");
        if (to == null) throw new InvalidRequest("to", "is required: the last local day (inclusive), e.g. 2026-10-31");
        if (to.isBefore(from)) throw new InvalidRequest("to", "must not be before from (" + from + "), was " + to);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > maxDays) throw new InvalidRequest("to", "the range " + from + " to " + to + " spans " + days + " days; at most " + maxDays + " are allowed");
    }

    static void dimensions(List<String> dims, int max) {
        if (dims.size() > max) throw new InvalidRequest("dimensions", "at most " + max + " dimensions, was " + dims.size());
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < dims.size(); k++) {
            Dimensions.validate("dimensions[" + k + "]", dims.get(k));
            if (!seen.add(dims.get(k))) throw new InvalidRequest("dimensions[" + k + "]", "'" + dims.get(k) + "' is named twice");
        }
    }

    /** Every {@code properties.<name>} in dimensions and filters must occur in at least one of the workspace's events. */
    static void propertiesExist(Warehouse warehouse, long workspace, List<String> dims, List<Filter> filters, String filterField) {
        for (int k = 0; k < dims.size(); k++) requireProperty(warehouse, workspace, dims.get(k), "dimensions[" + k + "]");
        for (int k = 0; k < filters.size(); k++) requireProperty(warehouse, workspace, filters.get(k).field(), filterField + "[" + k + "].field");
    }

    static void requireProperty(Warehouse warehouse, long workspace, String dim, String field) {
        if (!Dimensions.isProperty(dim)) return;
        boolean found = warehouse.sql().sql("SELECT EXISTS (SELECT 1 FROM events WHERE workspace_id = ? AND json_extract(properties, ?) IS NOT NULL)")
                .params(workspace, Dimensions.jsonPath(dim)).query(Boolean.class).single();
        if (!found) {
            throw new InvalidRequest(field, "unknown property '" + dim.substring(Dimensions.PROPERTY_PREFIX.length())
                    + "': no event in this workspace has it (property names are case-sensitive)");
        }
    }
}
