package io.marketops.collect.internal;

import io.marketops.collect.Touch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sessions per visitor (the anonymous id, else the user id): a session ends after the
 * inactivity timeout (30 minutes by default) or when a visit brings a different campaign, and
 * takes its channel from its first event. Events that arrive out of order join the session they
 * fall into when it is the visitor's current one. An older event (a back-fill of last month's
 * visits) is sessionized on its own track, so it never ends the visitor's live session. Keeps the
 * most recently active visitors in memory; after a restart it is warmed from the last hour of
 * stored events.
 */
final class Sessionizer {
    private final long timeoutMillis;
    private final Map<String, State> visitors;
    /** Per visitor, the session of the latest back-filled event (older than the live session). */
    private final Map<String, State> past;

    /** A visitor's current session. */
    record State(String sessionId, long start, long last, String campaignKey, String channel) {
    }

    record Assigned(String sessionId, String channel) {
    }

    Sessionizer(Duration timeout, int maxVisitors) {
        this.timeoutMillis = timeout.toMillis();
        this.visitors = new LinkedHashMap<>(1 << 16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > maxVisitors;
            }
        };
        this.past = new LinkedHashMap<>(1 << 10, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > Math.max(1000, maxVisitors / 10);
            }
        };
    }

    static String visitorKey(long workspaceId, String anonymousId, String userId) {
        String v = anonymousId != null ? "a:" + anonymousId : userId != null ? "u:" + userId : null;
        return v == null ? null : workspaceId + "|" + v;
    }

    Assigned assign(String visitor, Instant ts, Touch touch, Supplier<String> classify) {
        if (visitor == null) return new Assigned(null, classify.get());
        long t = ts.toEpochMilli();
        State live = visitors.get(visitor);
        boolean older = live != null && t < live.start() - timeoutMillis;
        Map<String, State> track = older ? past : visitors;
        State s = next(visitor, older ? past.get(visitor) : live, t, touch, classify);
        track.put(visitor, s);
        return new Assigned(s.sessionId(), s.channel());
    }

    private State next(String visitor, State s, long t, Touch touch, Supplier<String> classify) {
        boolean newCampaign = touch.hasCampaign() && (s == null || !touch.campaignKey().equals(s.campaignKey()));
        if (s == null || t > s.last() + timeoutMillis || t < s.start() - timeoutMillis || newCampaign) {
            return new State(sessionId(visitor, t), t, t, touch.campaignKey(), classify.get());
        }
        return new State(s.sessionId(), Math.min(s.start(), t), Math.max(s.last(), t), s.campaignKey(), s.channel());
    }

    /** Restores a visitor's session after a restart. */
    void warm(String visitor, State state) {
        visitors.put(visitor, state);
    }

    int size() {
        return visitors.size();
    }

    /** Deterministic: the same visitor starting a session at the same instant gets the same id. */
    static String sessionId(String visitor, long start) {
        return UUID.nameUUIDFromBytes((visitor + "@" + start).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
