package io.marketops.warehouse;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One behavioural event (a Segment-style call) as stored in {@code events}.
 *
 * @param type     track, page, screen, identify, alias or group
 * @param event    track event name (sign_up, purchase …) or page/screen name
 * @param ts       when it happened (UTC instant; shown in the workspace time zone)
 * @param channel  marketing channel derived from UTM/referrer (douyin, xiaohongshu, wechat, weibo, bilibili, baidu, tmall, jd, direct, organic_search …)
 * @param platform web, ios, android or miniprogram
 * @param properties JSON text, or null
 * @param context    JSON text, or null
 */
public record EventRow(long workspaceId, String messageId, String type, String event, String userId, String anonymousId,
                       Instant ts, Instant receivedAt, String sessionId,
                       String channel, String utmSource, String utmMedium, String utmCampaign, String utmTerm, String utmContent,
                       String referrer, String url, String path, String device, String os, String browser,
                       String region, String city, String platform, BigDecimal revenue, String currency, String orderId,
                       String properties, String traits, String context) {
}
