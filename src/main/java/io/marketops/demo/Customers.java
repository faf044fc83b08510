package io.marketops.demo;

import io.marketops.warehouse.CustomerRow;
import io.marketops.warehouse.FactAppender;

import java.time.Instant;
import java.util.Arrays;

/**
 * Identified people: web/app visitors who signed up and marketplace buyers. Their rows are
 * written at the end, when the tier (from paid spend over the window) is known.
 */
final class Customers {
    static final long SILVER_CENTS = 60_000, GOLD_CENTS = 150_000;

    private final long seed;
    private int[] visitor = new int[1 << 12];
    private long[] firstSeenMs = new long[1 << 12];
    private byte[] acquisition = new byte[1 << 12];
    private long[] paidCents = new long[1 << 12];
    private int[] orders = new int[1 << 12];
    private int count;
    /** Customers that came from the web or app, and per marketplace, for drawing repeat visits and orders. */
    private final IntList web = new IntList();
    private final IntList[] byMarketplace = {new IntList(), new IntList()};

    Customers(long seed) {
        this.seed = seed;
    }

    int count() {
        return count;
    }

    int create(int visitorIndex, long firstSeen, Channel acquiredBy) {
        if (count == visitor.length) {
            int n = count * 2;
            visitor = Arrays.copyOf(visitor, n);
            firstSeenMs = Arrays.copyOf(firstSeenMs, n);
            acquisition = Arrays.copyOf(acquisition, n);
            paidCents = Arrays.copyOf(paidCents, n);
            orders = Arrays.copyOf(orders, n);
        }
        visitor[count] = visitorIndex;
        firstSeenMs[count] = firstSeen;
        acquisition[count] = (byte) acquiredBy.ordinal();
        if (visitorIndex >= 0) web.add(count);
        else byMarketplace[acquiredBy == Channel.TMALL ? 0 : 1].add(count);
        return count++;
    }

    static String id(int customer) {
        return Ids.user(customer + 1L);
    }

    int visitorOf(int customer) {
        return visitor[customer];
    }

    int orders(int customer) {
        return orders[customer];
    }

    void ordered(int customer, long amountCents, boolean paid) {
        orders[customer]++;
        if (paid) paidCents[customer] += amountCents;
    }

    /** A random signed-up web/app customer, or −1 if none yet. */
    int randomWeb(Rng rng) {
        return web.size() == 0 ? -1 : web.get(rng.nextInt(web.size()));
    }

    int webCount() {
        return web.size();
    }

    /** A random buyer first seen on this marketplace, or −1 if none yet. */
    int randomOf(Channel marketplace, Rng rng) {
        IntList l = byMarketplace[marketplace == Channel.TMALL ? 0 : 1];
        return l.size() == 0 ? -1 : l.get(rng.nextInt(l.size()));
    }

    void writeAll(long workspaceId, Visitors visitors, FactAppender sink) {
        for (int c = 0; c < count; c++) {
            long h = Rng.mix(seed * 0xC2B2AE3D27D4EB4FL + c);
            Catalog.City city;
            long firstSeen = firstSeenMs[c];
            if (visitor[c] >= 0) {
                Visitors.Profile p = new Visitors.Profile();
                visitors.describe(visitor[c], p);
                city = p.city;
                firstSeen = visitors.firstSeenMs(visitor[c]);
            } else {
                city = Catalog.CITIES[Rng.pick(Catalog.CITY_WEIGHTS, Rng.unit(Rng.mix(h + 1)))];
            }
            String tier = paidCents[c] >= GOLD_CENTS ? "gold" : paidCents[c] >= SILVER_CENTS ? "silver" : "bronze";
            sink.customer(new CustomerRow(workspaceId, id(c), Instant.ofEpochMilli(firstSeen),
                    Channel.values()[acquisition[c]].id, city.city(), gender(c), ageBand(c), tier));
        }
    }

    String gender(int c) {
        return Catalog.GENDERS[Rng.pick(Catalog.GENDER_WEIGHTS, Rng.unit(Rng.mix(seed * 0xC2B2AE3D27D4EB4FL + c + 2)))];
    }

    String ageBand(int c) {
        return Catalog.AGE_BANDS[Rng.pick(Catalog.AGE_WEIGHTS, Rng.unit(Rng.mix(seed * 0xC2B2AE3D27D4EB4FL + c + 3)))];
    }

    /** A growable list of ints without boxing. */
    static final class IntList {
        private int[] values = new int[256];
        private int size;

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }
    }
}
