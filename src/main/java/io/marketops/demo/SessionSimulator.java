package io.marketops.demo;

import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.FactAppender;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Plays one visit: landing page, browsing, then maybe cart → sign-up → checkout → purchase,
 * and writes its events (and the order). Events are first collected with offsets from the
 * session start, so a late session can be moved back to end before midnight.
 */
final class SessionSimulator {
    /** Base add-to-cart probability of an engaged session, before propensity, source and season. */
    static final double ADD_TO_CART = 0.15;
    static final double CART_TO_CHECKOUT = 0.5;
    static final double CHECKOUT_TO_PURCHASE = 0.62;
    static final double SIGN_UP_WITHOUT_PURCHASE = 0.035;

    private final long workspaceId;
    private final String messagePrefix;
    private final String zone;
    private final FactAppender sink;
    private final Visitors visitors;
    private final Customers customers;
    private final Orders orders;
    private final AdPlan ads;
    private final ContentPlan content;
    private final Visitors.Profile profile = new Visitors.Profile();
    private final Map<String, String> contexts = new HashMap<>();
    private long messages;
    private long sessions;

    // the session being played
    private int n;
    private String[] type = new String[32], event = new String[32], path = new String[32], url = new String[32],
            referrer = new String[32], properties = new String[32], traits = new String[32], userIds = new String[32],
            orderIds = new String[32];
    private long[] offset = new long[32], revenue = new long[32];
    private long t;
    private boolean web;
    private String user, query, previousUrl, currentPath, currentUrl, currentReferrer;
    // the order placed in the session, written once its time is final
    private int pendingOrderEvent = -1, pendingCustomer, pendingItems;
    private long pendingAmount;
    private String pendingStatus, pendingCoupon;

    SessionSimulator(long workspaceId, long seed, String zone, FactAppender sink, Visitors visitors, Customers customers,
                     Orders orders, AdPlan ads, ContentPlan content) {
        this.workspaceId = workspaceId;
        this.messagePrefix = "demo-" + seed + "-";
        this.zone = zone;
        this.sink = sink;
        this.visitors = visitors;
        this.customers = customers;
        this.orders = orders;
        this.ads = ads;
        this.content = content;
    }

    void play(int visitor, boolean firstVisit, TrafficSource src, long startInDay, DayContext day, Rng rng) {
        visitors.describe(visitor, profile);
        web = profile.platform.equals("web");
        int customer = visitors.customerOf(visitor);
        user = customer >= 0 ? Customers.id(customer) : null;
        String utmContent = switch (src.content) {
            case POST -> content.pickPost(src.channel, rng);
            case KOL -> TrafficSource.KOLS[rng.nextInt(TrafficSource.KOLS.length)];
            case FIXED -> src.fixedContent;
        };
        query = web ? src.query(utmContent) : null;
        previousUrl = web ? externalReferrer(src, rng) : null;
        n = 0;
        t = 0;

        int product = -1;
        TrafficSource.Landing landing = src.landing == TrafficSource.Landing.MIXED
                ? (rng.chance(0.5) ? TrafficSource.Landing.HOME : TrafficSource.Landing.PRODUCT) : src.landing;
        switch (landing) {
            case HOME -> page(Catalog.HOME, rng);
            case PROMO -> page(day.season().promo(), rng);
            default -> productPage(product = pickProduct(rng), rng);
        }
        boolean onProduct = product >= 0;
        double bounce = src.bounce * (customer >= 0 ? 0.75 : 1);
        if (!rng.chance(bounce)) {
            int pages = Math.min(10, 1 + rng.geometric(2.0));
            for (int i = 0; i < pages; i++) {
                if (rng.chance(0.35)) track("click", Catalog.CLICK_PROPERTIES[rng.pick(Catalog.CLICK_WEIGHTS)], rng);
                double u = rng.nextDouble();
                onProduct = u < 0.5;
                if (onProduct) productPage(product = pickProduct(rng), rng);
                else if (u < 0.7) page(rng.chance(0.75) ? Catalog.CATEGORY_SKINCARE : Catalog.CATEGORY_MAKEUP, rng);
                else if (u < 0.8) page(Catalog.SEARCH, rng);
                else if (u < 0.9) page(Catalog.HOME, rng);
                else page(day.season().promo(), rng);
            }
            double loyalty = customer < 0 ? 1 : customers.orders(customer) > 0 ? 1.8 : 1.2;
            double pCart = ADD_TO_CART * profile.propensity * src.intent * day.season().conversion() * loyalty;
            if (rng.chance(Math.min(0.9, pCart))) {
                if (!onProduct) productPage(product = pickProduct(rng), rng);
                int items = 1;
                long subtotal = addToCart(product, rng);
                while (items < 4 && rng.chance(0.28)) {
                    productPage(product = pickProduct(rng), rng);
                    subtotal += addToCart(product, rng);
                    items++;
                }
                page(Catalog.CART, rng);
                if (rng.chance(CART_TO_CHECKOUT)) {
                    if (customer < 0) customer = signUp(visitor, rng);
                    page(Catalog.CHECKOUT, rng);
                    track("checkout", Json.object().put("items", items).putCents("value", subtotal).build(), rng);
                    if (rng.chance(CHECKOUT_TO_PURCHASE * day.anomalies().checkoutToPurchase(day.date()))) {
                        purchase(customer, items, subtotal, src, day, rng);
                    }
                }
            } else if (customer < 0 && rng.chance(SIGN_UP_WITHOUT_PURCHASE)) {
                signUp(visitor, rng);
            } else if (customer >= 0 && rng.chance(0.1)) {
                page(Catalog.ACCOUNT, rng);
            }
        }
        emit(visitor, firstVisit, src, utmContent, startInDay, day);
    }

    private void purchase(int customer, int items, long subtotal, TrafficSource src, DayContext day, Rng rng) {
        int previous = customers.orders(customer);
        Orders.Coupon coupon = Orders.coupon(subtotal, src.channel, day.season().promo(), previous == 0, previous > 0, rng);
        long amount = subtotal - coupon.discountCents();
        String orderId = orders.nextId();
        String props = Json.object().put("order_id", orderId).putCents("revenue", amount).put("currency", "CNY")
                .put("items", items).put("coupon", coupon.code()).build();
        track("purchase", props, rng);
        revenue[n - 1] = amount;
        orderIds[n - 1] = orderId;
        pendingOrderEvent = n - 1;
        pendingCustomer = customer;
        pendingItems = items;
        pendingAmount = amount;
        pendingCoupon = coupon.code();
        boolean bigSale = day.season().promo() != Catalog.PROMO_NEW;
        pendingStatus = Orders.status(bigSale, rng);
        page(Catalog.ORDER_COMPLETE, rng);
    }

    private int signUp(int visitor, Rng rng) {
        page(Catalog.SIGN_UP, rng);
        track("sign_up", rng.chance(0.6) ? "{\"method\":\"wechat\"}" : "{\"method\":\"phone\"}", rng);
        int c = customers.create(visitor, visitors.firstSeenMs(visitor), visitors.firstChannel(visitor));
        visitors.becomeCustomer(visitor, c);
        user = Customers.id(c);
        add("identify", null, null);
        traits[n - 1] = Json.object().put("gender", customers.gender(c)).put("age_band", customers.ageBand(c))
                .put("city", profile.city.city()).build();
        return c;
    }

    private long addToCart(int product, Rng rng) {
        track("add_to_cart", Catalog.ADD_TO_CART_PROPERTIES[product], rng);
        return Catalog.PRODUCTS[product].priceCents();
    }

    private static int pickProduct(Rng rng) {
        return rng.pick(Catalog.PRODUCT_WEIGHTS);
    }

    private void productPage(int product, Rng rng) {
        view(Catalog.PRODUCT_PAGE, Catalog.PRODUCT_PATHS[product], Catalog.PRODUCT_PAGE_PROPERTIES[product], rng);
    }

    private void page(Catalog.Page page, Rng rng) {
        view(page.name(), page.path(), page.properties(), rng);
    }

    private void view(String name, String pagePath, String props, Rng rng) {
        if (n > 0) t += dwellMs(rng);
        currentPath = pagePath;
        currentReferrer = previousUrl;
        currentUrl = web ? (n == 0 ? Catalog.ORIGIN + pagePath + query : Catalog.ORIGIN + pagePath) : null;
        previousUrl = currentUrl;
        add("page", name, props);
    }

    private void track(String name, String props, Rng rng) {
        t += 1_000 + rng.nextInt(7_000);
        add("track", name, props);
    }

    /** Time on a page: log-normal around 25 s, 2 s to 10 min. */
    private long dwellMs(Rng rng) {
        return Math.max(2_000, Math.min(600_000, Math.round(25_000 * rng.noise(0.9))));
    }

    private void add(String kind, String name, String props) {
        if (n == type.length) grow();
        type[n] = kind;
        event[n] = name;
        path[n] = currentPath;
        url[n] = currentUrl;
        referrer[n] = currentReferrer;
        properties[n] = props;
        traits[n] = null;
        userIds[n] = user;
        orderIds[n] = null;
        revenue[n] = -1;
        offset[n] = t;
        n++;
    }

    private void emit(int visitor, boolean firstVisit, TrafficSource src, String utmContent, long startInDay, DayContext day) {
        long start = Math.max(0, Math.min(startInDay, day.lengthMs() - 1 - t));
        long startMs = day.startMs() + start;
        if (firstVisit) visitors.seenFirstAt(visitor, startMs);
        String sessionId = Ids.of("s-", ++sessions, 7);
        String context = context();
        String utmSource = src.medium == null ? null : src.channel.utmSource;
        Catalog.City city = profile.city;
        for (int i = 0; i < n; i++) {
            Instant ts = Instant.ofEpochMilli(startMs + offset[i]);
            BigDecimal rev = revenue[i] < 0 ? null : Cents.of(revenue[i]);
            sink.event(new EventRow(workspaceId, messagePrefix + (++messages), type[i], event[i], userIds[i], profile.anonymousId,
                    ts, ts, sessionId, src.channel.id, utmSource, src.medium, src.campaign, src.term, utmContent,
                    referrer[i], url[i], path[i], profile.device, profile.os, profile.browser, city.region(), city.city(),
                    profile.platform, rev, rev == null ? null : "CNY", orderIds[i], properties[i], traits[i], context));
        }
        if (pendingOrderEvent >= 0) {
            orders.place(orderIds[pendingOrderEvent], pendingCustomer, startMs + offset[pendingOrderEvent], pendingAmount,
                    pendingStatus, pendingItems, src.channel, src.campaign, pendingCoupon);
            if (src.adGroup >= 0) ads.convert(src.adGroup, pendingAmount);
            pendingOrderEvent = -1;
        }
    }

    private String externalReferrer(TrafficSource src, Rng rng) {
        if (src.channel == Channel.ORGANIC_SEARCH) {
            return TrafficSource.SEARCH_REFERRERS[rng.pick(TrafficSource.SEARCH_REFERRER_WEIGHTS)];
        }
        return src.crm ? null : src.channel.referrer;
    }

    /** The analytics library's context, one per kind of device: few distinct values, built once each. */
    private String context() {
        String key = profile.platform + '|' + profile.device + '|' + profile.os + '|' + profile.browser;
        String c = contexts.get(key);
        if (c == null) {
            String library = switch (profile.platform) {
                case "ios" -> "{\"name\":\"analytics-ios\",\"version\":\"4.1.6\"}";
                case "android" -> "{\"name\":\"analytics-android\",\"version\":\"4.11.3\"}";
                case "miniprogram" -> "{\"name\":\"analytics-miniprogram\",\"version\":\"1.8.2\"}";
                default -> "{\"name\":\"analytics.js\",\"version\":\"4.1.0\"}";
            };
            Json j = Json.object().putRaw("library", library).put("locale", "zh-CN").put("timezone", zone)
                    .putRaw("device", Json.object().put("type", profile.device).build())
                    .putRaw("os", Json.object().put("name", profile.os).build());
            if (profile.browser != null) j.putRaw("browser", Json.object().put("name", profile.browser).build());
            if (!web) j.putRaw("app", Json.object().put("name", "Demo Brand").put("version", "5.3.0").build());
            c = j.build();
            contexts.put(key, c);
        }
        return c;
    }

    private void grow() {
        int size = type.length * 2;
        type = Arrays.copyOf(type, size);
        event = Arrays.copyOf(event, size);
        path = Arrays.copyOf(path, size);
        url = Arrays.copyOf(url, size);
        referrer = Arrays.copyOf(referrer, size);
        properties = Arrays.copyOf(properties, size);
        traits = Arrays.copyOf(traits, size);
        userIds = Arrays.copyOf(userIds, size);
        orderIds = Arrays.copyOf(orderIds, size);
        offset = Arrays.copyOf(offset, size);
        revenue = Arrays.copyOf(revenue, size);
    }
}
