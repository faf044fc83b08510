package io.marketops.demo;

import io.marketops.warehouse.FactAppender;
import io.marketops.warehouse.OrderRow;

import java.time.Instant;

/** Order ids, coupons and statuses shared by web and marketplace orders. */
final class Orders {
    private final long workspaceId;
    private final FactAppender sink;
    private final Customers customers;
    private long next = 1;

    Orders(long workspaceId, FactAppender sink, Customers customers) {
        this.workspaceId = workspaceId;
        this.sink = sink;
        this.customers = customers;
    }

    String nextId() {
        return Ids.of("o-", next++, 7);
    }

    record Coupon(String code, long discountCents) {
        static final Coupon NONE = new Coupon(null, 0);
    }

    /** Promotions a shopper would really stack: big-sale thresholds, a new-customer voucher, a member discount. */
    static Coupon coupon(long subtotal, Channel channel, Catalog.Page promo, boolean firstOrder, boolean loyal, Rng rng) {
        boolean bigSale = promo == Catalog.PROMO_618 || promo == Catalog.PROMO_DOUBLE_11;
        String sale = promo == Catalog.PROMO_618 ? "618" : "双11";
        if (channel.marketplace()) {
            if (bigSale && subtotal >= 30_000 && rng.chance(0.85)) {
                String platform = channel == Channel.TMALL ? "天猫" : "京东";
                return new Coupon(platform + sale + "_每满300减50", subtotal / 30_000 * 5_000);
            }
            return subtotal >= 19_900 && rng.chance(0.25) ? new Coupon("店铺券_满199减20", 2_000) : Coupon.NONE;
        }
        if (bigSale && subtotal >= 30_000 && rng.chance(0.8)) {
            return promo == Catalog.PROMO_618 ? new Coupon("618_满300减40", 4_000) : new Coupon("双11_满300减50", 5_000);
        }
        if (firstOrder && subtotal >= 9_900 && rng.chance(0.5)) return new Coupon("NEW20", 2_000);
        if (loyal && rng.chance(0.1)) return new Coupon("VIP_95折", Math.round(subtotal * 0.05));
        return Coupon.NONE;
    }

    /** Mostly paid; big sales bring more refunds (impulse buys returned). */
    static String status(boolean bigSale, Rng rng) {
        double u = rng.nextDouble();
        double refunded = bigSale ? 0.07 : 0.045;
        return u < refunded ? "refunded" : u < refunded + 0.02 ? "cancelled" : "paid";
    }

    /** Writes the order and books it on the customer; returns the amount in cents. */
    OrderRow place(String orderId, int customer, long timeMs, long amountCents, String status, int items,
                   Channel channel, String campaign, String coupon) {
        customers.ordered(customer, amountCents, status.equals("paid"));
        OrderRow row = new OrderRow(workspaceId, orderId, Customers.id(customer), Instant.ofEpochMilli(timeMs),
                Cents.of(amountCents), "CNY", status, items, channel.id, campaign, coupon);
        sink.order(row);
        return row;
    }
}
