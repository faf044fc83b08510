package io.marketops.warehouse;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as stored in {@code orders} (natural key: workspace + order id).
 *
 * @param status   paid, refunded, cancelled, pending
 * @param channel  where it was sold or attributed: tmall, jd, douyin, wechat (mini-program), web …
 */
public record OrderRow(long workspaceId, String orderId, String customerId, Instant orderTime, BigDecimal amount,
                       String currency, String status, int items, String channel, String campaign, String coupon) {
}
