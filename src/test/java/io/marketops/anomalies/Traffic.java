package io.marketops.anomalies;

import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.FactAppender;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.UUID;

/**
 * Page views for API tests: {@code perDay} visitors a day (one view each) split between douyin
 * (60 %) and wechat, ±5 % noise from a fixed seed; douyin keeps {@code outage} of its visitors on
 * {@code outageDay}.
 */
final class Traffic {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Traffic() {
    }

    static void write(FactAppender a, long ws, LocalDate from, int days, int perDay, LocalDate outageDay, double outage) {
        Random r = new Random(42);
        for (int d = 0; d < days; d++) {
            LocalDate day = from.plusDays(d);
            int n = (int) Math.round(perDay * (1 + 0.05 * r.nextGaussian()));
            for (int v = 0; v < n; v++) {
                String channel = v < n * 0.6 ? "douyin" : "wechat";
                if (day.equals(outageDay) && "douyin".equals(channel) && r.nextDouble() > outage) continue;
                var ts = day.atStartOfDay(SHANGHAI).plusHours(9).plusSeconds(v * 20L).toInstant();
                a.event(new EventRow(ws, UUID.randomUUID().toString(), "page", "home", null, "a-" + d + "-" + v, ts, ts, null, channel,
                        null, null, null, null, null, null, null, null, "mobile", null, null, "广东", null, "web", null, null, null, null, null, null));
            }
        }
    }
}
