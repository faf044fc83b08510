package io.marketops.attribution.web;

import io.marketops.attribution.PathTable;
import io.marketops.core.InvalidRequest;

import java.util.List;

/** Turns the JSON rows of a path table into a {@link PathTable}; a bad row is refused naming {@code paths[i].field}. */
final class PathRows {
    private PathRows() {
    }

    static PathTable toTable(List<Requests.PathRow> rows, int maxPaths) {
        if (rows == null || rows.isEmpty()) throw new InvalidRequest("paths", "give at least one path");
        if (rows.size() > maxPaths) throw new InvalidRequest("paths", "at most " + maxPaths + " paths per request, was " + rows.size());
        PathTable.Builder table = PathTable.builder();
        for (int i = 0; i < rows.size(); i++) {
            Requests.PathRow row = rows.get(i);
            String at = "paths[" + i + "]";
            if (row == null) throw new InvalidRequest(at, "is empty");
            int[] path;
            try {
                path = table.parsePath(row.path());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequest(at + ".path", e.getMessage());
            }
            long conversions = whole(row.conversions(), at + ".conversions", true);
            long nulls = whole(row.nulls(), at + ".nulls", false);
            double value = row.value() == null ? 0 : row.value();
            if (!Double.isFinite(value) || value < 0) throw new InvalidRequest(at + ".value", "must be a number 0 or more, was " + value);
            if (conversions == 0 && value != 0) throw new InvalidRequest(at + ".value", "must be 0 when conversions is 0 (it could not be attributed)");
            table.add(path, null, conversions, value, nulls);
        }
        return table.build();
    }

    private static long whole(Double v, String field, boolean required) {
        if (v == null) {
            if (required) throw new InvalidRequest(field, "is required (a whole number 0 or more)");
            return 0;
        }
        if (!Double.isFinite(v) || v < 0 || v != Math.rint(v) || v > 1e15) throw new InvalidRequest(field, "must be a whole number 0 or more, was " + v);
        return v.longValue();
    }
}
