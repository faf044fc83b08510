package io.marketops.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.ContentMetricRow;
import io.marketops.warehouse.CustomerRow;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.FactAppender;
import io.marketops.warehouse.OrderRow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A test sink that checks rows as they stream by and keeps only summaries, so a full
 * 180-day demo run can be inspected without holding its events.
 */
final class CollectedFacts implements FactAppender {
    private static final ObjectMapper JSON = new ObjectMapper();

    final GeneratorSpec spec;
    final ZoneId zone;
    long events, pageViews;
    final List<String> problems = new ArrayList<>();
    final Map<String, Integer> purchaseOrderIds = new HashMap<>();
    final Map<String, OrderRow> orders = new HashMap<>();
    final Set<String> customerIds = new HashSet<>();
    private final String messagePrefix;
    final Map<LocalDate, Map<String, Long>> pageViewsByDayAndChannel = new TreeMap<>();
    final Map<LocalDate, Long> ordersByDay = new TreeMap<>();
    final Map<String, Long> adClicks = new HashMap<>();
    final Map<String, Set<String>> paidSessions = new HashMap<>();
    final Set<String> posts = new HashSet<>();
    final Map<String, String> userOfAnonymous = new HashMap<>();
    /** Per day: checkout and purchase track events. */
    final Map<LocalDate, long[]> checkoutsAndPurchases = new TreeMap<>();
    long adCostRows, contentRows;

    CollectedFacts(GeneratorSpec spec) {
        this.spec = spec;
        this.zone = spec.zone();
        this.messagePrefix = "demo-" + spec.seed() + "-";
    }

    static CollectedFacts of(GeneratorSpec spec) {
        CollectedFacts facts = new CollectedFacts(spec);
        facts.manifest = new DemoGenerator().generate(spec, facts);
        return facts;
    }

    Manifest manifest;

    @Override
    public void event(EventRow e) {
        events++;
        LocalDate day = LocalDate.ofInstant(e.ts(), zone);
        inWindow(day, "event " + e.messageId());
        // message ids count up from 1, so they are unique and say where in the stream an event was
        if (!e.messageId().equals(messagePrefix + events)) problems.add("message id " + e.messageId() + " at position " + events);
        if (!e.receivedAt().equals(e.ts())) problems.add("receivedAt differs from ts in " + e.messageId());
        if (e.anonymousId() == null || e.sessionId() == null || e.channel() == null) problems.add("missing ids in " + e.messageId());
        if (e.userId() != null) {
            String before = userOfAnonymous.putIfAbsent(e.anonymousId(), e.userId());
            if (before != null && !before.equals(e.userId())) problems.add(e.anonymousId() + " has two users");
        }
        if (e.type().equals("page")) {
            pageViews++;
            pageViewsByDayAndChannel.computeIfAbsent(day, d -> new HashMap<>()).merge(e.channel(), 1L, Long::sum);
        }
        if ("checkout".equals(e.event()) && e.type().equals("track")) checkoutsAndPurchases.computeIfAbsent(day, d -> new long[2])[0]++;
        if ("purchase".equals(e.event())) {
            checkoutsAndPurchases.computeIfAbsent(day, d -> new long[2])[1]++;
            purchaseOrderIds.merge(e.orderId(), 1, Integer::sum);
            if (e.revenue() == null || !"CNY".equals(e.currency())) problems.add("purchase without revenue " + e.messageId());
        }
        if ("cpc".equals(e.utmMedium()) && e.type().equals("page")) {
            paidSessions.computeIfAbsent(day + "|" + e.channel() + "|" + e.utmCampaign() + "|" + e.utmContent(),
                    k -> new HashSet<>()).add(e.sessionId());
        }
        if (events % 97 == 0) {
            json(e.properties(), e.messageId());
            json(e.context(), e.messageId());
        }
        if (e.traits() != null) json(e.traits(), e.messageId());
    }

    @Override
    public void order(OrderRow o) {
        LocalDate day = LocalDate.ofInstant(o.orderTime(), zone);
        inWindow(day, "order " + o.orderId());
        if (orders.put(o.orderId(), o) != null) problems.add("duplicate order " + o.orderId());
        if (o.amount().scale() != 2 || o.amount().signum() <= 0) problems.add("bad amount in " + o.orderId());
        ordersByDay.merge(day, 1L, Long::sum);
    }

    @Override
    public void adCost(AdCostRow a) {
        adCostRows++;
        inWindow(a.date(), "ad cost");
        if (a.cost().scale() != 2 || a.clicks() > a.impressions()) problems.add("bad ad cost row " + a);
        if (adClicks.put(a.date() + "|" + a.channel() + "|" + a.campaign() + "|" + a.adGroup(), a.clicks()) != null) {
            problems.add("duplicate ad cost key " + a);
        }
    }

    @Override
    public void contentMetric(ContentMetricRow c) {
        contentRows++;
        inWindow(c.date(), "content");
        posts.add(c.postId());
        if (c.likes() > c.reads() || c.completionRate() < 0 || c.completionRate() > 1) problems.add("bad content row " + c);
    }

    @Override
    public void customer(CustomerRow c) {
        if (!customerIds.add(c.customerId())) problems.add("duplicate customer " + c.customerId());
        inWindow(LocalDate.ofInstant(c.firstSeen(), zone), "customer " + c.customerId());
    }

    private void inWindow(LocalDate day, String what) {
        if (day.isBefore(spec.from()) || day.isAfter(spec.endDate())) problems.add(what + " on " + day + " is outside the window");
    }

    private void json(String text, String where) {
        if (text == null) return;
        try {
            JSON.readTree(text);
        } catch (Exception ex) {
            problems.add("invalid JSON in " + where + ": " + text);
        }
    }

    long pageViews(String channel, LocalDate day) {
        return pageViewsByDayAndChannel.getOrDefault(day, Map.of()).getOrDefault(channel, 0L);
    }

    /** Purchases per checkout over the days. */
    double checkoutToPurchase(LocalDate from, LocalDate to) {
        long checkouts = 0, purchases = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long[] f = checkoutsAndPurchases.getOrDefault(d, new long[2]);
            checkouts += f[0];
            purchases += f[1];
        }
        return (double) purchases / checkouts;
    }

    long orders(LocalDate from, LocalDate to) {
        long n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) n += ordersByDay.getOrDefault(d, 0L);
        return n;
    }
}
