package io.marketops.imports.internal;

import io.marketops.imports.ImportKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Orders; natural key order id. Rows sharing an order id in one file are the lines of that order
 * (as in shop exports per item, or the UCI Online Retail invoices): amounts and item counts are
 * added, the earliest time is the order time, the first line's customer, currency, status,
 * channel, campaign and coupon are the order's. An amount is the amount column, else unit price
 * × items. Without a status column an order is {@code paid}, or {@code refunded} when its total is negative.
 */
final class OrderSpec extends KindSpec {
    private static final LinkedHashMap<String, String> STAGED = columns("order_id", "VARCHAR", "customer_id", "VARCHAR",
            "order_time", "TIMESTAMPTZ", "amount", "DECIMAL(24,6)", "currency", "VARCHAR", "status", "VARCHAR", "items", "BIGINT",
            "channel", "VARCHAR", "campaign", "VARCHAR", "coupon", "VARCHAR");

    @Override
    ImportKind kind() {
        return ImportKind.ORDERS;
    }

    @Override
    LinkedHashMap<String, String> staged() {
        return STAGED;
    }

    @Override
    List<String> key() {
        return List.of("order_id");
    }

    @Override
    List<String> factColumns() {
        return List.of("order_id", "customer_id", "order_time", "amount", "currency", "status", "items", "channel", "campaign", "coupon");
    }

    @Override
    String[] convert(RowReader r, Ctx ctx) {
        String orderId = r.text("order_id", true, 200);
        String customerId = r.text("customer_id", false, 200);
        Instant time = r.time("order_time", true);
        long items = r.integer("items", r.mapping().has("items") ? 0 : 1);
        BigDecimal amount;
        if (r.mapping().has("amount")) {
            amount = r.money("amount", true, true, 6);
        } else {
            BigDecimal price = r.money("unit_price", true, true, 6);
            amount = price == null ? null : price.multiply(BigDecimal.valueOf(items));
        }
        String currency = currency(r, ctx);
        String status = null;
        String rawStatus = r.raw("status");
        if (rawStatus != null) {
            status = Codes.status(rawStatus);
            if (status == null) r.reject("status", rawStatus, "is not an order status; use paid, refunded, cancelled or pending (or 交易成功, 已退款, 交易关闭, 待付款)");
        }
        String channel = Codes.channel(r.text("channel", false, 100));
        String campaign = r.text("campaign", false, 500);
        String coupon = r.text("coupon", false, 200);
        if (r.failed()) return null;
        if (!currency.equals(ctx.reportingCurrency)) ctx.otherCurrencyRows++;
        return new String[]{Long.toString(r.row()), orderId, customerId, time.toString(), amount.toPlainString(), currency, status,
                Long.toString(items), channel, campaign, coupon};
    }

    private static final String FIRST = "(SELECT order_id, arg_min(currency, row_no) AS currency, min(row_no) AS first_row FROM %s GROUP BY order_id)";

    /** Lines whose currency differs from their order's first line. */
    @Override
    String duplicatesSql(String src) {
        return "SELECT l.row_no, f.first_row FROM " + src + " l JOIN " + FIRST.formatted(src)
                + " f ON f.order_id = l.order_id WHERE l.currency <> f.currency ORDER BY l.row_no";
    }

    @Override
    String rejectionReason(long firstRow) {
        return "is in another currency than the first line of its order (row " + firstRow + "); one order cannot mix currencies";
    }

    @Override
    String recordsSql(String src) {
        return "SELECT l.order_id,"
                + " arg_min(l.customer_id, l.row_no) FILTER (WHERE l.customer_id IS NOT NULL) AS customer_id,"
                + " min(l.order_time) AS order_time, round(sum(l.amount), 2) AS amount, any_value(f.currency) AS currency,"
                + " coalesce(arg_min(l.status, l.row_no) FILTER (WHERE l.status IS NOT NULL),"
                + "   CASE WHEN sum(l.amount) < 0 THEN 'refunded' ELSE 'paid' END) AS status,"
                + " CAST(sum(l.items) AS INTEGER) AS items,"
                + " arg_min(l.channel, l.row_no) FILTER (WHERE l.channel IS NOT NULL) AS channel,"
                + " arg_min(l.campaign, l.row_no) FILTER (WHERE l.campaign IS NOT NULL) AS campaign,"
                + " arg_min(l.coupon, l.row_no) FILTER (WHERE l.coupon IS NOT NULL) AS coupon"
                + " FROM " + src + " l JOIN " + FIRST.formatted(src) + " f ON f.order_id = l.order_id AND f.currency = l.currency"
                + " GROUP BY l.order_id";
    }
}
