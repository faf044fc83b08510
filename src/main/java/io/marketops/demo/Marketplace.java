package io.marketops.demo;

import java.util.Arrays;
import java.util.List;

/**
 * Orders placed in the brand's Tmall and JD stores. They have no web events: some are
 * credited to the store's ad groups (and become their conversions), the rest come from
 * store search and regulars. On a peak day a quarter of them land in the midnight hour.
 */
final class Marketplace {
    static final double AD_CONVERSION_RATE = 0.035;
    private static final Channel[] STORES = {Channel.TMALL, Channel.JD};
    private static final double[] ORGANIC_ORDERS = {16, 7};

    private long[] keys = new long[256];

    void sell(DayContext day, double scale, Rng rng, AdPlan ads, Customers customers, Orders orders) {
        List<AdPlan.AdGroup> groups = ads.groups();
        for (int s = 0; s < STORES.length; s++) {
            Channel store = STORES[s];
            int n = 0;
            for (int g = 0; g < groups.size(); g++) {
                if (groups.get(g).channel() != store || ads.clicks(g) <= 0) continue;
                long k = rng.binomial(ads.clicks(g), AD_CONVERSION_RATE * day.season().conversion());
                for (long i = 0; i < k; i++) n = add(n, time(day, rng), g);
            }
            long organic = rng.poisson(ORGANIC_ORDERS[s] * scale * day.season().marketplace() * day.channelNoise(store));
            for (long i = 0; i < organic; i++) n = add(n, time(day, rng), 4095);
            Arrays.sort(keys, 0, n);
            for (int i = 0; i < n; i++) {
                long timeMs = day.startMs() + (keys[i] >>> 12);
                int group = (int) (keys[i] & 4095);
                sellOne(store, group == 4095 ? null : groups.get(group), group, timeMs, day, rng, ads, customers, orders);
            }
        }
    }

    private void sellOne(Channel store, AdPlan.AdGroup group, int groupIndex, long timeMs, DayContext day, Rng rng,
                         AdPlan ads, Customers customers, Orders orders) {
        double u = rng.nextDouble();
        int customer = u < 0.30 ? customers.randomOf(store, rng) : u < 0.35 ? customers.randomWeb(rng) : -1;
        if (customer < 0) customer = customers.create(-1, timeMs, store);
        int items = Math.min(5, 1 + rng.geometric(0.6));
        long subtotal = 0;
        for (int i = 0; i < items; i++) subtotal += Catalog.PRODUCTS[rng.pick(Catalog.PRODUCT_WEIGHTS)].priceCents();
        Orders.Coupon coupon = Orders.coupon(subtotal, store, day.season().promo(), customers.orders(customer) == 0,
                customers.orders(customer) > 0, rng);
        long amount = subtotal - coupon.discountCents();
        String status = Orders.status(day.season().promo() != Catalog.PROMO_NEW, rng);
        orders.place(orders.nextId(), customer, timeMs, amount, status, items, store,
                group == null ? null : group.campaign(), coupon.code());
        if (group != null) ads.convert(groupIndex, amount);
    }

    private static long time(DayContext day, Rng rng) {
        if (day.season().peakDay() && rng.chance(0.25)) return rng.nextInt(3_600_000); // the midnight rush
        return day.timeOfDay(rng);
    }

    private int add(int n, long time, int group) {
        if (n == keys.length) keys = Arrays.copyOf(keys, n * 2);
        keys[n] = time << 12 | group;
        return n + 1;
    }
}
