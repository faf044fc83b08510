package io.marketops.collect.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * What makes an event acceptable. Each failed rule gives the reason shown to the sender and in
 * the quarantine; fields MarketOps does not use are never a reason.
 */
final class EventRules {
    static final Set<String> TYPES = Set.of("track", "page", "screen", "identify", "alias", "group");
    static final int MAX_ID_LENGTH = 200;

    private EventRules() {
    }

    /** The reason the event is refused, or null when it is valid. {@code type} is the call's type (endpoint or field). */
    static String check(String type, JsonNode e, int bytes, int maxEventBytes) {
        if (bytes > maxEventBytes) return "event is " + bytes + " bytes; the limit is " + maxEventBytes + " bytes (" + maxEventBytes / 1024 + " KB)";
        if (e == null || !e.isObject()) return "event is not a JSON object";
        if (type == null || type.isBlank()) return "missing type; use one of track, page, screen, identify, alias, group";
        if (!TYPES.contains(type)) return "unknown type '" + type + "'; use one of track, page, screen, identify, alias, group";
        String userId = id(e, "userId"), anonymousId = id(e, "anonymousId");
        if (userId == null && anonymousId == null) return "missing userId and anonymousId";
        String tooLong = tooLong(e, "userId", "anonymousId", "messageId", "previousId", "groupId");
        if (tooLong != null) return tooLong + " is longer than " + MAX_ID_LENGTH + " characters";
        switch (type) {
            case "track" -> {
                if (text(e, "event") == null) return "track call without event name";
            }
            case "alias" -> {
                if (userId == null) return "alias call without userId";
                if (id(e, "previousId") == null) return "alias call without previousId";
            }
            case "group" -> {
                if (id(e, "groupId") == null) return "group call without groupId";
            }
            default -> {
            }
        }
        for (String f : new String[]{"timestamp", "originalTimestamp", "sentAt"}) {
            JsonNode v = e.get(f);
            if (v == null || v.isNull()) continue;
            if (!v.isTextual() || Timestamps.parse(v.asText()) == null) {
                return f + " '" + clip(v.asText()) + "' is not an ISO-8601 date-time with a time zone (e.g. 2026-11-01T08:00:00Z)";
            }
        }
        for (String f : new String[]{"properties", "traits", "context"}) {
            JsonNode v = e.get(f);
            if (v != null && !v.isNull() && !v.isObject()) return f + " must be a JSON object";
        }
        return null;
    }

    /** A string or number id as text, or null when missing or blank. */
    static String id(JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String tooLong(JsonNode e, String... fields) {
        for (String f : fields) {
            String v = id(e, f);
            if (v != null && v.length() > MAX_ID_LENGTH) return f;
        }
        return null;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
