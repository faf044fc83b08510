package io.marketops.imports.internal;

import io.marketops.imports.ImportKind;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One import kind: how a row becomes a staged record, and the warehouse SQL that turns the
 * staging file into facts. The staging file is read by DuckDB as a table ({@code read_csv} with
 * fixed column types), so duplicates, counting and the final upsert are each one SQL statement;
 * the upsert is one transaction. SQL identifiers come only from these classes, never from input.
 */
abstract class KindSpec {
    /** Per-job values a conversion needs; counts rows in another currency than the workspace's. */
    static final class Ctx {
        final String reportingCurrency;
        final PiiCipher cipher;
        long otherCurrencyRows;

        Ctx(String reportingCurrency, PiiCipher cipher) {
            this.reportingCurrency = reportingCurrency;
            this.cipher = cipher;
        }
    }

    abstract ImportKind kind();

    /** Staged columns in file order with their DuckDB types; the first is {@code row_no}. */
    abstract LinkedHashMap<String, String> staged();

    /** The staged values of one row, or null when the reader collected a problem. */
    abstract String[] convert(RowReader r, Ctx ctx);

    /** The natural key within a workspace. */
    abstract List<String> key();

    static KindSpec of(ImportKind kind) {
        return switch (kind) {
            case AD_COSTS -> new AdCostSpec();
            case ORDERS -> new OrderSpec();
            case CUSTOMERS -> new CustomerSpec();
            case CONTENT_METRICS -> new ContentMetricSpec();
        };
    }

    /** The staging file as a DuckDB table expression. */
    String source(Path staged) {
        String cols = staged().entrySet().stream().map(e -> "'" + e.getKey() + "': '" + e.getValue() + "'").collect(Collectors.joining(", "));
        return "read_csv('" + staged.toAbsolutePath().toString().replace("'", "''") + "', header = true, auto_detect = false, delim = ',',"
                + " quote = '\"', escape = '\"', allow_quoted_nulls = false, columns = {" + cols + "})";
    }

    private String keyList(String alias) {
        return key().stream().map(k -> alias + k).collect(Collectors.joining(", "));
    }

    /** Rows that repeat an earlier row's key in the same file: {@code row_no, first_row}. */
    String duplicatesSql(String src) {
        return "SELECT row_no, first_row FROM (SELECT row_no, min(row_no) OVER (PARTITION BY " + keyList("") + ") AS first_row FROM "
                + src + ") WHERE row_no <> first_row ORDER BY row_no";
    }

    String rejectionReason(long firstRow) {
        return "repeats row " + firstRow + " (same " + String.join(" + ", key()) + "); a file may hold each only once";
    }

    /** The records to apply: the first row of each key. */
    String recordsSql(String src) {
        return "SELECT * FROM " + src + " QUALIFY row_number() OVER (PARTITION BY " + keyList("") + " ORDER BY row_no) = 1";
    }

    /** How many of the records already exist in the workspace (one bound parameter: workspace id). */
    String existingSql(String records) {
        String on = key().stream().map(k -> "f." + k + " = s." + k).collect(Collectors.joining(" AND "));
        return "SELECT count(*) FROM (" + records + ") s JOIN " + kind().table() + " f ON f.workspace_id = ? AND " + on;
    }

    /** The fact columns written, in order, after {@code workspace_id}. */
    abstract List<String> factColumns();

    /** Replaces or inserts the records in one statement (one bound parameter: workspace id). */
    String applySql(String records, ResolvedMapping mapping) {
        String cols = String.join(", ", factColumns());
        return "INSERT OR REPLACE INTO " + kind().table() + " (workspace_id, " + cols + ") SELECT ?, " + cols + " FROM (" + records + ")";
    }

    static LinkedHashMap<String, String> columns(String... nameTypePairs) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        m.put("row_no", "BIGINT");
        for (int i = 0; i < nameTypePairs.length; i += 2) m.put(nameTypePairs[i], nameTypePairs[i + 1]);
        return m;
    }

    /** The row's currency: the column, else the mapping's default, else the workspace's reporting currency. */
    static String currency(RowReader r, Ctx ctx) {
        String raw = r.raw("currency");
        if (raw == null) return ctx.reportingCurrency;
        String code = Codes.currency(raw);
        if (code == null) r.reject("currency", raw, "is not a currency; use an ISO code such as CNY, USD or GBP");
        return code;
    }

    static String str(Object v) {
        return v == null ? null : v.toString();
    }
}
