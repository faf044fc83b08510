package io.marketops.warehouse.internal;

import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.ContentMetricRow;
import io.marketops.warehouse.CustomerRow;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.EventsAppended;
import io.marketops.warehouse.FactAppender;
import io.marketops.warehouse.OrderRow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stages rows as CSV files, then loads each with one {@code COPY} inside the caller's
 * transaction. DuckDB's parallel CSV reader loads a wide row several times faster than the
 * JDBC appender fills it value by value (measured in docs/benchmarks.md), and the load is still
 * all-or-nothing. Strings are always quoted; {@code \N} unquoted is NULL.
 */
final class CsvStagedAppender implements FactAppender, AutoCloseable {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);
    private final Path dir;
    private final Map<String, BufferedWriter> files = new LinkedHashMap<>();
    private final StringBuilder line = new StringBuilder(512);
    /** Per workspace: earliest and latest event time and count of the staged events, for {@link EventsAppended}. */
    private final Map<Long, long[]> eventSpans = new LinkedHashMap<>();

    CsvStagedAppender(Path stagingRoot) {
        try {
            Files.createDirectories(stagingRoot);
            this.dir = Files.createTempDirectory(stagingRoot, "append-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory under " + stagingRoot, e);
        }
    }

    private void emit(String table) {
        try {
            BufferedWriter w = files.get(table);
            if (w == null) {
                w = Files.newBufferedWriter(dir.resolve(table + ".csv"), StandardCharsets.UTF_8);
                files.put(table, w);
            }
            line.setLength(line.length() - 1);
            line.append('\n');
            w.append(line);
            line.setLength(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage rows for " + table, e);
        }
    }

    private CsvStagedAppender s(String v) {
        if (v == null) {
            line.append("\\N,");
        } else if (v.indexOf('"') < 0) {
            line.append('"').append(v).append("\",");
        } else {
            line.append('"');
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"') line.append('"');
                line.append(c);
            }
            line.append("\",");
        }
        return this;
    }

    private CsvStagedAppender n(long v) {
        line.append(v).append(',');
        return this;
    }

    private CsvStagedAppender n(double v) {
        line.append(v).append(',');
        return this;
    }

    private CsvStagedAppender d(BigDecimal v) {
        if (v == null) line.append("\\N,");
        else line.append(v.setScale(2, RoundingMode.HALF_UP).toPlainString()).append(',');
        return this;
    }

    private CsvStagedAppender t(Instant v) {
        if (v == null) {
            line.append("\\N,");
            return this;
        }
        long sec = v.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(sec, 86_400));
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            line.append(TS.format(v)).append(',');
            return this;
        }
        // what TS prints, without a ZonedDateTime (and new ZoneRules) per value: this runs twice per event
        int sod = (int) Math.floorMod(sec, 86_400L);
        line.append(date.getYear()).append('-');
        two(date.getMonthValue()).append('-');
        two(date.getDayOfMonth()).append(' ');
        two(sod / 3600).append(':');
        two(sod / 60 % 60).append(':');
        two(sod % 60).append('.');
        int micros = v.getNano() / 1000;
        for (int div = 100_000; div > 0; div /= 10) line.append((char) ('0' + micros / div % 10));
        line.append("+00,");
        return this;
    }

    private StringBuilder two(int v) {
        return line.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private CsvStagedAppender day(LocalDate v) {
        if (v == null) line.append("\\N,");
        else line.append(v).append(',');
        return this;
    }

    @Override
    public void event(EventRow r) {
        n(r.workspaceId()).s(r.messageId()).s(r.type()).s(r.event()).s(r.userId()).s(r.anonymousId())
                .t(r.ts()).t(r.receivedAt()).s(r.sessionId()).s(r.channel()).s(r.utmSource()).s(r.utmMedium()).s(r.utmCampaign())
                .s(r.utmTerm()).s(r.utmContent()).s(r.referrer()).s(r.url()).s(r.path()).s(r.device()).s(r.os()).s(r.browser())
                .s(r.region()).s(r.city()).s(r.platform()).d(r.revenue()).s(r.currency()).s(r.orderId())
                .s(r.properties()).s(r.traits()).s(r.context());
        emit("events");
        if (r.ts() != null) {
            long ms = r.ts().toEpochMilli();
            long[] span = eventSpans.computeIfAbsent(r.workspaceId(), k -> new long[]{ms, ms, 0});
            span[0] = Math.min(span[0], ms);
            span[1] = Math.max(span[1], ms);
            span[2]++;
        }
    }

    @Override
    public void order(OrderRow r) {
        n(r.workspaceId()).s(r.orderId()).s(r.customerId()).t(r.orderTime()).d(r.amount()).s(r.currency()).s(r.status())
                .n(r.items()).s(r.channel()).s(r.campaign()).s(r.coupon());
        emit("orders");
    }

    @Override
    public void adCost(AdCostRow r) {
        n(r.workspaceId()).day(r.date()).s(r.channel()).s(r.campaign()).s(r.adGroup()).n(r.impressions()).n(r.clicks())
                .d(r.cost()).s(r.currency()).n(r.conversions()).d(r.conversionValue());
        emit("ad_costs");
    }

    @Override
    public void contentMetric(ContentMetricRow r) {
        n(r.workspaceId()).s(r.postId()).s(r.platform()).day(r.date()).s(r.title()).n(r.reads()).n(r.likes()).n(r.comments())
                .n(r.shares()).n(r.saves()).n(r.completionRate()).n(r.followersGained());
        emit("content_metrics");
    }

    @Override
    public void customer(CustomerRow r) {
        n(r.workspaceId()).s(r.customerId()).t(r.firstSeen()).s(r.acquisitionChannel()).s(r.city()).s(r.gender())
                .s(r.ageBand()).s(r.tier());
        emit("customers");
    }

    /** What was staged into {@code events}, one announcement per workspace. */
    java.util.List<EventsAppended> eventsAppended() {
        return eventSpans.entrySet().stream().map(e -> new EventsAppended(e.getKey(), Instant.ofEpochMilli(e.getValue()[0]),
                Instant.ofEpochMilli(e.getValue()[1]), e.getValue()[2])).toList();
    }

    /** Closes the staging file of {@code table} and returns it, or null when no row was staged for it. */
    Path finish(String table) throws IOException {
        BufferedWriter w = files.get(table);
        if (w == null) return null;
        w.close();
        return dir.resolve(table + ".csv");
    }

    /** Loads every staged table into the connection's open transaction ({@code events} rows into the native {@code events_stored}). */
    void load(Connection c) throws SQLException, IOException {
        for (Map.Entry<String, BufferedWriter> e : files.entrySet()) {
            e.getValue().close();
            Path f = dir.resolve(e.getKey() + ".csv");
            String target = e.getKey().equals("events") ? "events_stored" : e.getKey();
            try (var st = c.createStatement()) {
                st.execute("COPY " + target + " FROM '" + f.toString().replace("'", "''")
                        + "' (FORMAT CSV, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NULLSTR '\\N', ALLOW_QUOTED_NULLS false)");
            }
        }
    }

    @Override
    public void close() {
        for (BufferedWriter w : files.values()) {
            try {
                w.close();
            } catch (IOException ignored) {
                // the files are deleted next
            }
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover staging file is harmless; staging dirs are cleared at start
        }
    }
}
