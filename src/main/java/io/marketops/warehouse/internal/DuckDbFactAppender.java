package io.marketops.warehouse.internal;

import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.ContentMetricRow;
import io.marketops.warehouse.CustomerRow;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.FactAppender;
import io.marketops.warehouse.OrderRow;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes rows through DuckDB appenders, one per table, inside the caller's transaction. */
final class DuckDbFactAppender implements FactAppender, AutoCloseable {
    private final DuckDBConnection connection;
    private final Map<String, DuckDBAppender> appenders = new LinkedHashMap<>();

    DuckDbFactAppender(DuckDBConnection connection) {
        this.connection = connection;
    }

    private DuckDBAppender to(String table) {
        return appenders.computeIfAbsent(table, t -> {
            try {
                return connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, t);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot append to " + t + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void event(EventRow r) {
        try {
            DuckDBAppender a = to("events").beginRow();
            a.append(r.workspaceId());
            a.append(r.messageId());
            a.append(r.type());
            s(a, r.event()); s(a, r.userId()); s(a, r.anonymousId());
            t(a, r.ts()); t(a, r.receivedAt());
            s(a, r.sessionId()); s(a, r.channel()); s(a, r.utmSource()); s(a, r.utmMedium()); s(a, r.utmCampaign());
            s(a, r.utmTerm()); s(a, r.utmContent()); s(a, r.referrer()); s(a, r.url()); s(a, r.path());
            s(a, r.device()); s(a, r.os()); s(a, r.browser()); s(a, r.region()); s(a, r.city()); s(a, r.platform());
            d(a, r.revenue()); s(a, r.currency()); s(a, r.orderId());
            s(a, r.properties()); s(a, r.traits()); s(a, r.context());
            a.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append event " + r.messageId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void order(OrderRow r) {
        try {
            DuckDBAppender a = to("orders").beginRow();
            a.append(r.workspaceId()); a.append(r.orderId()); s(a, r.customerId()); t(a, r.orderTime());
            d(a, r.amount()); a.append(r.currency()); a.append(r.status()); a.append(r.items());
            s(a, r.channel()); s(a, r.campaign()); s(a, r.coupon());
            a.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append order " + r.orderId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void adCost(AdCostRow r) {
        try {
            DuckDBAppender a = to("ad_costs").beginRow();
            a.append(r.workspaceId()); date(a, r.date()); a.append(r.channel()); a.append(r.campaign()); a.append(r.adGroup());
            a.append(r.impressions()); a.append(r.clicks()); d(a, r.cost()); a.append(r.currency());
            a.append(r.conversions()); d(a, r.conversionValue());
            a.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append ad cost row: " + e.getMessage(), e);
        }
    }

    @Override
    public void contentMetric(ContentMetricRow r) {
        try {
            DuckDBAppender a = to("content_metrics").beginRow();
            a.append(r.workspaceId()); a.append(r.postId()); a.append(r.platform()); date(a, r.date()); s(a, r.title());
            a.append(r.reads()); a.append(r.likes()); a.append(r.comments()); a.append(r.shares()); a.append(r.saves());
            a.append(r.completionRate()); a.append(r.followersGained());
            a.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append content metric: " + e.getMessage(), e);
        }
    }

    @Override
    public void customer(CustomerRow r) {
        try {
            DuckDBAppender a = to("customers").beginRow();
            a.append(r.workspaceId()); a.append(r.customerId()); t(a, r.firstSeen()); s(a, r.acquisitionChannel());
            s(a, r.city()); s(a, r.gender()); s(a, r.ageBand()); s(a, r.tier());
            a.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append customer: " + e.getMessage(), e);
        }
    }

    private static void s(DuckDBAppender a, String v) throws SQLException {
        if (v == null) a.appendNull(); else a.append(v);
    }

    private static void t(DuckDBAppender a, Instant v) throws SQLException {
        if (v == null) a.appendNull(); else a.append(OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
    }

    private static void d(DuckDBAppender a, BigDecimal v) throws SQLException {
        if (v == null) a.appendNull(); else a.append(v.setScale(2, java.math.RoundingMode.HALF_UP));
    }

    private static void date(DuckDBAppender a, LocalDate v) throws SQLException {
        if (v == null) a.appendNull(); else a.append(v);
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (DuckDBAppender a : appenders.values()) {
            try {
                a.close();
            } catch (SQLException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
