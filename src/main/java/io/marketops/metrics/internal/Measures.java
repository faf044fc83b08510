package io.marketops.metrics.internal;

import java.util.List;

import static io.marketops.metrics.internal.Source.*;

/**
 * The built-in base aggregates. Expressions are in the row scope of their source's SQL (see the
 * source classes); everything a metric shows is a formula over these.
 */
final class Measures {
    private Measures() {
    }

    static final String VIEW = "e.type IN ('page', 'screen')";

    static final Measure PV = Measure.of("pv", EVENTS, "count(*) FILTER (WHERE " + VIEW + ")");
    static final Measure UV = Measure.of("uv", EVENTS, "count(DISTINCT e.person) FILTER (WHERE " + VIEW + ")");

    static final Measure SESSIONS = Measure.of("sessions", Source.SESSIONS, "count(*)");
    static final Measure BOUNCED = Measure.of("bounced_sessions", Source.SESSIONS, "count(*) FILTER (WHERE s.views <= 1)");
    static final Measure SHORT = Measure.of("short_sessions", Source.SESSIONS, "count(*) FILTER (WHERE s.ended - s.started < INTERVAL 10 SECOND)");
    static final Measure SESSION_SECONDS = Measure.of("session_seconds", Source.SESSIONS, "coalesce(sum(epoch(s.ended) - epoch(s.started)), 0)");

    static final Measure DAU = Measure.of("dau", ACTIVITY, "CAST(count(*) FILTER (WHERE a.day >= b.first) AS DOUBLE) / (date_diff('day', b.first, b.last) + 1)");
    static final Measure WAU = Measure.of("wau", ACTIVITY, "count(DISTINCT a.person) FILTER (WHERE a.day > b.last - 7)");
    static final Measure MAU = Measure.of("mau", ACTIVITY, "count(DISTINCT a.person) FILTER (WHERE a.day > b.last - 30)");
    static final Measure ACTIVE_DAYS_30 = Measure.of("active_days_30", ACTIVITY, "count(*) FILTER (WHERE a.day > b.last - 30)");

    static final Measure NEW_USERS = Measure.of("new_users", COHORT, "count(*)");
    static final Measure RETURNED_D1 = Measure.of("returned_d1", COHORT, "count(*) FILTER (WHERE r.r1)");
    static final Measure RETURNED_D7 = Measure.of("returned_d7", COHORT, "count(*) FILTER (WHERE r.r7)");
    static final Measure RETURNED_D30 = Measure.of("returned_d30", COHORT, "count(*) FILTER (WHERE r.r30)");
    static final Measure REVENUE_30D = Measure.of("revenue_30d", COHORT, "coalesce(sum(v.rev30), 0)");

    static final Measure ORDERS = Measure.of("orders", Source.ORDERS, "coalesce(sum(p.n), 0)");
    static final Measure GMV = Measure.of("gmv", Source.ORDERS, "coalesce(sum(p.amt), 0)");
    static final Measure PAID_GMV = Measure.of("paid_gmv", Source.ORDERS, "coalesce(sum(p.paid_amt), 0)");
    static final Measure NET_GMV = Measure.of("net_gmv", Source.ORDERS, "coalesce(sum(p.net_amt), 0)");
    static final Measure BUYERS = Measure.of("buyers", Source.ORDERS, "count(*)");
    static final Measure REPEAT_BUYERS = Measure.of("repeat_buyers", Source.ORDERS, "count(*) FILTER (WHERE p.n >= 2)");
    static final Measure NEW_CUSTOMERS = Measure.of("new_customers", Source.ORDERS, "count(*) FILTER (WHERE p.is_new)");

    static final Measure IMPRESSIONS = Measure.of("impressions", ADS, "coalesce(sum(a.impressions), 0)");
    static final Measure CLICKS = Measure.of("clicks", ADS, "coalesce(sum(a.clicks), 0)");
    static final Measure COST = Measure.of("cost", ADS, "coalesce(sum(a.cost), 0)");
    static final Measure AD_CONVERSIONS = Measure.of("ad_conversions", ADS, "coalesce(sum(a.conversions), 0)");

    static final Measure FOLLOWERS = Measure.of("followers_gained", CONTENT, "coalesce(sum(c.followers_gained), 0)");
    static final Measure READS = Measure.of("content_reads", CONTENT, "coalesce(sum(c.reads), 0)");

    static List<Measure> all() {
        return List.of(PV, UV, SESSIONS, BOUNCED, SHORT, SESSION_SECONDS, DAU, WAU, MAU, ACTIVE_DAYS_30, NEW_USERS, RETURNED_D1,
                RETURNED_D7, RETURNED_D30, REVENUE_30D, ORDERS, GMV, PAID_GMV, NET_GMV, BUYERS, REPEAT_BUYERS, NEW_CUSTOMERS,
                IMPRESSIONS, CLICKS, COST, AD_CONVERSIONS, FOLLOWERS, READS);
    }
}
