package io.marketops.attribution;

import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** Warehouse facts for attribution tests: sessions with a channel, purchases and ad cost, in Asia/Shanghai time. */
public final class AttributionFixtures {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private AttributionFixtures() {
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static EventRow session(long ws, String user, String anon, String session, String channel, String time) {
        return new EventRow(ws, UUID.randomUUID().toString(), "page", "home", user, anon, at(time), at(time), session, channel,
                null, null, null, null, null, null, null, "/", null, null, null, null, null, "web", null, null, null, null, null, null);
    }

    static EventRow purchase(long ws, String user, String anon, String session, String channel, String time, String revenue) {
        return new EventRow(ws, UUID.randomUUID().toString(), "track", "purchase", user, anon, at(time), at(time), session, channel,
                null, null, null, null, null, null, null, "/", null, null, null, null, null, "web",
                revenue == null ? null : new BigDecimal(revenue), "CNY", null, "{\"coupon\":\"NEW10\",\"gmv\":\"" + revenue + "\"}", null, null);
    }

    /** Four conversions in 1–10 Oct 2026 (one without touches), one journey without conversion, ad cost on three channels. */
    public static long october(Warehouse warehouse, long ws) {
        warehouse.append(a -> {
            a.event(session(ws, "u1", "a1", "s1", "douyin", "2026-10-02T10:00"));
            a.event(session(ws, "u1", "a1", "s2", "baidu", "2026-10-03T10:00"));
            a.event(purchase(ws, "u1", "a1", "s2", "baidu", "2026-10-03T10:05", "300.00"));
            a.event(session(ws, null, "a2", "s3", "xiaohongshu", "2026-10-04T09:00"));
            a.event(purchase(ws, null, "a2", "s3", "xiaohongshu", "2026-10-04T09:10", "100.00"));
            a.event(session(ws, null, "a3", "s4", "douyin", "2026-10-05T20:00"));
            a.event(purchase(ws, "u4", null, null, null, "2026-10-06T12:00", "50.00"));
            a.event(session(ws, "u5", null, "s5", "douyin", "2026-09-01T10:00"));
            a.event(session(ws, "u5", null, "s6", "direct", "2026-10-07T10:00"));
            a.event(purchase(ws, "u5", null, "s6", "direct", "2026-10-07T10:30", "200.00"));
            a.event(purchase(ws, "u1", "a1", "s9", "baidu", "2026-10-20T10:00", "999.00"));
            a.adCost(new AdCostRow(ws, LocalDate.of(2026, 10, 2), "douyin", "c", "g", 1000, 10, new BigDecimal("200.00"), "CNY", 1, BigDecimal.ONE));
            a.adCost(new AdCostRow(ws, LocalDate.of(2026, 10, 3), "baidu", "c", "g", 1000, 10, new BigDecimal("150.00"), "CNY", 1, BigDecimal.ONE));
            a.adCost(new AdCostRow(ws, LocalDate.of(2026, 10, 4), "tmall", "c", "g", 1000, 10, new BigDecimal("80.00"), "CNY", 0, BigDecimal.ZERO));
            a.adCost(new AdCostRow(ws, LocalDate.of(2026, 10, 11), "baidu", "c", "g", 1000, 10, new BigDecimal("999.00"), "CNY", 0, BigDecimal.ZERO));
        });
        return ws;
    }

}
