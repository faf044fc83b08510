package io.marketops.collect.internal;

import io.marketops.collect.Channel;
import io.marketops.collect.ChannelRule;
import io.marketops.collect.Channels;
import io.marketops.collect.Touch;
import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.PatternSyntaxException;

/**
 * Channels and rules per workspace: the defaults from {@link DefaultChannels} unless the
 * workspace renamed or added channels, or replaced the rules. Cached for a minute (the collector
 * classifies every session); changes clear the cache at once.
 */
@Service
public class JdbcChannels implements Channels {
    private static final long CACHE_MILLIS = 60_000;
    private final JdbcClient db;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    JdbcChannels(JdbcClient db) {
        this.db = db;
    }

    private record Cached(List<Channel> channels, List<ChannelRule> rules, boolean customRules, ChannelClassifier classifier, long at) {
    }

    private Cached load(WorkspaceId ws) {
        long now = System.currentTimeMillis();
        Cached c = cache.get(ws.value());
        if (c != null && now - c.at() < CACHE_MILLIS) return c;
        Map<String, Channel> channels = new LinkedHashMap<>();
        DefaultChannels.CHANNELS.forEach(ch -> channels.put(ch.id(), ch));
        db.sql("SELECT channel_id, name_en, name_zh FROM collect_channels WHERE workspace_id = ? ORDER BY channel_id").param(ws.value())
                .query((rs, n) -> new Channel(rs.getString(1), rs.getString(2), rs.getString(3))).list()
                .forEach(ch -> channels.put(ch.id(), ch));
        boolean custom = db.sql("SELECT count(*) FROM collect_channel_rulesets WHERE workspace_id = ?").param(ws.value()).query(Long.class).single() > 0;
        List<ChannelRule> rules = custom ? db.sql("""
                        SELECT channel_id, source_pattern, medium_pattern, referrer_pattern FROM collect_channel_rules
                        WHERE workspace_id = ? ORDER BY position""").param(ws.value())
                .query((rs, n) -> new ChannelRule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list()
                : DefaultChannels.RULES;
        c = new Cached(List.copyOf(channels.values()), rules, custom, new ChannelClassifier(rules), now);
        cache.put(ws.value(), c);
        return c;
    }

    @Override
    public List<Channel> all(WorkspaceId workspace) {
        return load(workspace).channels();
    }

    @Override
    public Optional<Channel> find(WorkspaceId workspace, String channelId) {
        return all(workspace).stream().filter(c -> c.id().equals(channelId)).findFirst();
    }

    @Override
    public String displayName(WorkspaceId workspace, String channelId, Locale locale) {
        return find(workspace, channelId).map(c -> c.displayName(locale)).orElse(channelId);
    }

    @Override
    public List<ChannelRule> rules(WorkspaceId workspace) {
        return load(workspace).rules();
    }

    public boolean customRules(WorkspaceId workspace) {
        return load(workspace).customRules();
    }

    @Override
    public String classify(WorkspaceId workspace, Touch touch) {
        return load(workspace).classifier().classify(touch);
    }

    /** Adds a channel or renames one (defaults included). Ids are lower-case letters, digits and underscores. */
    public Channel saveChannel(WorkspaceId ws, String id, String nameEn, String nameZh) {
        if (id == null || !id.matches("[a-z][a-z0-9_]{1,39}")) {
            throw new InvalidRequest("id", "'" + id + "' is not a channel id; use 2 to 40 lower-case letters, digits or _ starting with a letter");
        }
        if (nameEn == null || nameEn.isBlank()) throw new InvalidRequest("nameEn", "is required");
        if (nameZh == null || nameZh.isBlank()) throw new InvalidRequest("nameZh", "is required");
        db.sql("""
                INSERT INTO collect_channels(workspace_id, channel_id, name_en, name_zh) VALUES (?, ?, ?, ?)
                ON CONFLICT (workspace_id, channel_id) DO UPDATE SET name_en = excluded.name_en, name_zh = excluded.name_zh, updated_at = now()""")
                .params(ws.value(), id, nameEn.trim(), nameZh.trim()).update();
        cache.remove(ws.value());
        return find(ws, id).orElseThrow();
    }

    /** Replaces the workspace's rules; every rule names a known channel and at least one valid pattern. */
    @Transactional
    public List<ChannelRule> replaceRules(WorkspaceId ws, List<ChannelRule> rules, String by) {
        if (rules == null) throw new InvalidRequest("rules", "is required");
        if (rules.size() > 500) throw new InvalidRequest("rules", "at most 500 rules");
        List<String> known = all(ws).stream().map(Channel::id).toList();
        List<ChannelRule> clean = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) clean.add(check(rules.get(i), "rules[" + i + "]", known));
        db.sql("DELETE FROM collect_channel_rules WHERE workspace_id = ?").param(ws.value()).update();
        for (int i = 0; i < clean.size(); i++) {
            ChannelRule r = clean.get(i);
            db.sql("INSERT INTO collect_channel_rules VALUES (?, ?, ?, ?, ?, ?)")
                    .params(ws.value(), i, r.channel(), r.sourcePattern(), r.mediumPattern(), r.referrerPattern()).update();
        }
        db.sql("""
                INSERT INTO collect_channel_rulesets(workspace_id, updated_by) VALUES (?, ?)
                ON CONFLICT (workspace_id) DO UPDATE SET updated_by = excluded.updated_by, updated_at = now()""").params(ws.value(), by).update();
        cache.remove(ws.value());
        return rules(ws);
    }

    /** Goes back to the default rules. */
    @Transactional
    public void resetRules(WorkspaceId ws) {
        db.sql("DELETE FROM collect_channel_rules WHERE workspace_id = ?").param(ws.value()).update();
        db.sql("DELETE FROM collect_channel_rulesets WHERE workspace_id = ?").param(ws.value()).update();
        cache.remove(ws.value());
    }

    static ChannelRule check(ChannelRule r, String field, List<String> knownChannels) {
        if (r == null) throw new InvalidRequest(field, "is empty");
        if (r.channel() == null || !knownChannels.contains(r.channel())) {
            throw new InvalidRequest(field + ".channel", "'" + r.channel() + "' is not a channel of this workspace; add it first or use one of " + knownChannels);
        }
        String s = blankToNull(r.sourcePattern()), m = blankToNull(r.mediumPattern()), ref = blankToNull(r.referrerPattern());
        if (s == null && m == null && ref == null) throw new InvalidRequest(field, "needs at least one of sourcePattern, mediumPattern, referrerPattern");
        pattern(s, field + ".sourcePattern");
        pattern(m, field + ".mediumPattern");
        pattern(ref, field + ".referrerPattern");
        return new ChannelRule(r.channel(), s, m, ref);
    }

    private static void pattern(String p, String field) {
        if (p == null) return;
        if (p.length() > 500) throw new InvalidRequest(field, "must be at most 500 characters");
        try {
            ChannelClassifier.compile(p);
        } catch (PatternSyntaxException e) {
            throw new InvalidRequest(field, "is not a valid regular expression: " + e.getDescription() + " near position " + e.getIndex());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
