package io.marketops.collect.internal;

import io.marketops.collect.ChannelRule;
import io.marketops.collect.Touch;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A workspace's rules, compiled: puts a visit into a channel (first matching rule, then the fallbacks). */
final class ChannelClassifier {
    private final List<Compiled> rules;

    private record Compiled(String channel, Pattern source, Pattern medium, Pattern referrer) {
        boolean matches(Touch t, String refHost) {
            if (source == null && medium == null) {
                return !t.hasCampaign() && referrer != null && refHost != null && referrer.matcher(refHost).find();
            }
            return matches(source, t.utmSource()) && matches(medium, t.utmMedium()) && matches(referrer, refHost);
        }

        private static boolean matches(Pattern p, String value) {
            return p == null || (value != null && p.matcher(value).find());
        }
    }

    ChannelClassifier(List<ChannelRule> rules) {
        this.rules = rules.stream().map(r -> new Compiled(r.channel(), compile(r.sourcePattern()), compile(r.mediumPattern()),
                compile(r.referrerPattern()))).toList();
    }

    /** Compiles a rule pattern (case-insensitive, Unicode); null or blank means "any". */
    static Pattern compile(String p) {
        return p == null || p.isBlank() ? null : Pattern.compile(p.trim(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Results by what decides them; a session start classifies, and most visits repeat a handful of sources. */
    private final java.util.Map<String, String> memo = new java.util.concurrent.ConcurrentHashMap<>();

    String classify(Touch t) {
        String refHost = host(t.referrer());
        String urlHost = refHost == null ? null : host(t.url());
        String key = t.utmSource() + '\u0001' + t.utmMedium() + '\u0001' + (t.utmCampaign() == null ? "" : "c") + '\u0001' + refHost + '\u0001' + urlHost;
        String known = memo.get(key);
        if (known != null) return known;
        String channel = decide(t, refHost, urlHost);
        if (memo.size() > 10_000) memo.clear();
        memo.put(key, channel);
        return channel;
    }

    private String decide(Touch t, String refHost, String urlHost) {
        for (Compiled r : rules) if (r.matches(t, refHost)) return r.channel();
        if (t.hasCampaign()) return "other";
        if (refHost != null && !refHost.equals(urlHost)) return "referral";
        return "direct";
    }

    /** The host name of a URL, lower-case without {@code www.}, or null. */
    static String host(String url) {
        if (url == null || url.isBlank()) return null;
        try {
            String u = url.trim();
            if (!u.contains("://")) u = "http://" + u;
            String h = URI.create(u.replace(" ", "%20").replace("|", "%7C")).getHost();
            if (h == null) return null;
            h = h.toLowerCase(Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
