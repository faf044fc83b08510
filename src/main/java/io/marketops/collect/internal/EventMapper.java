package io.marketops.collect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketops.collect.Touch;
import io.marketops.warehouse.EventRow;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns a stored event (as sent) into a warehouse row: the time it happened, page and campaign
 * fields, device, platform and revenue, with session and channel left for the sessionizer.
 *
 * <p>Time: {@code timestamp} as given (back-fills keep their dates); else {@code originalTimestamp}
 * corrected by the sender's clock skew ({@code receivedAt − sentAt}); else when it arrived.
 */
final class EventMapper {
    private static final ObjectMapper JSON = TrackingPayloads.JSON;

    private EventMapper() {
    }

    /** A mapped event and what it says about where the visit came from. */
    record Mapped(EventRow row, Touch touch, String previousId) {
    }

    /** Maps an event in the request's thread (it is parsed there already); sessions and channels come later, in log order. */
    static Mapped map(long workspaceId, String type, String messageId, JsonNode e, long receivedAtMillis, String batchSentAt,
                      JsonNode batchContext, String defaultCurrency) throws IOException {
        JsonNode context = context(batchContext, e.get("context"));
        JsonNode props = obj(e.get("properties"));
        JsonNode page = obj(context == null ? null : context.get("page"));
        JsonNode campaign = obj(context == null ? null : context.get("campaign"));
        Instant receivedAt = Instant.ofEpochMilli(receivedAtMillis);

        String url = first(text(page, "url"), text(props, "url"));
        String path = first(text(page, "path"), text(props, "path"), pathOf(url));
        String referrer = first(text(page, "referrer"), text(props, "referrer"));
        String source = first(text(campaign, "source"), query(url, "utm_source"));
        String medium = first(text(campaign, "medium"), query(url, "utm_medium"));
        String name = first(text(campaign, "name"), query(url, "utm_campaign"));
        String term = first(text(campaign, "term"), query(url, "utm_term"));
        String content = first(text(campaign, "content"), query(url, "utm_content"));

        String ua = text(context, "userAgent");
        UserAgents.Parsed agent = UserAgents.parse(ua);
        JsonNode device = obj(context == null ? null : context.get("device"));
        JsonNode os = obj(context == null ? null : context.get("os"));
        JsonNode location = obj(context == null ? null : context.get("location"));

        BigDecimal revenue = decimal(props, "revenue");
        if (revenue == null) revenue = decimal(props, "total");
        String currency = text(props, "currency");
        currency = currency != null && currency.trim().matches("[A-Za-z]{3}") ? currency.trim().toUpperCase(Locale.ROOT)
                : revenue != null ? defaultCurrency : null;

        String event = switch (type) {
            case "track" -> EventRules.text(e, "event");
            case "page", "screen" -> first(EventRules.text(e, "name"), text(props, "name"));
            default -> null;
        };
        JsonNode traits = e.hasNonNull("traits") ? e.get("traits") : context == null ? null : context.get("traits");
        EventRow row = new EventRow(workspaceId, messageId, type, event, EventRules.id(e, "userId"), EventRules.id(e, "anonymousId"),
                time(e, batchSentAt, receivedAt), receivedAt, null, null, source, medium, name, term, content,
                referrer, url, path, first(text(device, "type"), agent.device()), first(text(os, "name"), agent.os()), agent.browser(),
                first(text(location, "region"), text(location, "province")), text(location, "city"), platform(context, ua),
                revenue, currency, first(text(props, "order_id"), text(props, "orderId")),
                json(e.get("properties")), json(traits), json(context));
        return new Mapped(row, new Touch(source, medium, name, referrer, url), EventRules.id(e, "previousId"));
    }

    /** The row with its session and channel. */
    static EventRow withSession(EventRow r, String sessionId, String channel) {
        return new EventRow(r.workspaceId(), r.messageId(), r.type(), r.event(), r.userId(), r.anonymousId(), r.ts(), r.receivedAt(),
                sessionId, channel, r.utmSource(), r.utmMedium(), r.utmCampaign(), r.utmTerm(), r.utmContent(), r.referrer(), r.url(),
                r.path(), r.device(), r.os(), r.browser(), r.region(), r.city(), r.platform(), r.revenue(), r.currency(), r.orderId(),
                r.properties(), r.traits(), r.context());
    }

    static Instant time(JsonNode e, String batchSentAt, Instant receivedAt) {
        Instant ts = Timestamps.parse(EventRules.text(e, "timestamp"));
        if (ts != null) return ts;
        Instant original = Timestamps.parse(EventRules.text(e, "originalTimestamp"));
        if (original == null) return receivedAt;
        Instant sentAt = Timestamps.parse(first(EventRules.text(e, "sentAt"), batchSentAt));
        return sentAt == null ? original : original.plusMillis(receivedAt.toEpochMilli() - sentAt.toEpochMilli());
    }

    /** Batch-level context with the event's own fields over it. */
    private static JsonNode context(JsonNode batchContext, JsonNode own) {
        if (batchContext == null || !batchContext.isObject()) return obj(own);
        ObjectNode merged = ((ObjectNode) batchContext).deepCopy();
        if (own != null && own.isObject()) merged.setAll((ObjectNode) own);
        return merged;
    }

    static String platform(JsonNode context, String ua) {
        String lib = text(obj(context == null ? null : context.get("library")), "name");
        String l = lib == null ? "" : lib.toLowerCase(Locale.ROOT);
        if (l.contains("miniprogram") || l.contains("mini-program") || l.contains("weapp") || l.contains("wechat-mp")) return "miniprogram";
        if (ua != null && ua.toLowerCase(Locale.ROOT).contains("miniprogram")) return "miniprogram";
        if (l.contains("ios") || l.contains("swift")) return "ios";
        if (l.contains("android") || l.contains("kotlin")) return "android";
        if (l.contains("analytics.js") || l.contains("marketops.js") || l.contains("analytics-next") || l.contains("browser")) return "web";
        if (l.contains("node") || l.contains("java") || l.contains("python") || l.contains("go") || l.contains("ruby")
                || l.contains("php") || l.contains("net") || l.contains("server")) return "server";
        if (ua != null || (context != null && context.has("page"))) return "web";
        return null;
    }

    private static JsonNode obj(JsonNode n) {
        return n != null && n.isObject() ? n : null;
    }

    static String text(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText();
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.decimalValue();
        try {
            return v.isTextual() ? new BigDecimal(v.asText().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String json(JsonNode n) throws IOException {
        return n == null || n.isNull() ? null : JSON.writeValueAsString(n);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }

    static String pathOf(String url) {
        if (url == null) return null;
        try {
            String p = URI.create(url.trim().replace(" ", "%20").replace("|", "%7C")).getPath();
            return p == null || p.isEmpty() ? (url.contains("://") ? "/" : null) : p;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A query parameter of a URL (UTM tags on landing pages), decoded; null when absent. */
    static String query(String url, String name) {
        if (url == null) return null;
        int q = url.indexOf('?');
        if (q < 0) return null;
        int hash = url.indexOf('#', q);
        String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                try {
                    String v = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
                    return v.isBlank() ? null : v;
                } catch (IllegalArgumentException e) {
                    return part.substring(eq + 1);
                }
            }
        }
        return null;
    }
}
