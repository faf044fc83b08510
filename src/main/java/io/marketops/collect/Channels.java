package io.marketops.collect;

import io.marketops.core.WorkspaceId;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one channel definition every report uses: the workspace's channels with their display
 * names, and the editable rules that put a visit (UTM values and referrer) into a channel.
 * The collector stores the result in {@code events.channel} once per session.
 */
public interface Channels {

    /** The channel ids every workspace starts with. */
    List<String> DEFAULT_IDS = List.of("douyin", "xiaohongshu", "wechat", "weibo", "bilibili", "zhihu", "baidu", "google",
            "tmall", "jd", "email", "sms", "organic_search", "referral", "direct", "other");

    /** The workspace's channels (defaults plus those it added), in display order. */
    List<Channel> all(WorkspaceId workspace);

    Optional<Channel> find(WorkspaceId workspace, String channelId);

    /** The channel's name in the UI language; an unknown id is shown as itself. */
    String displayName(WorkspaceId workspace, String channelId, Locale locale);

    /** The rules in the order they are tried. */
    List<ChannelRule> rules(WorkspaceId workspace);

    /** The channel id of a visit. Never null. */
    String classify(WorkspaceId workspace, Touch touch);
}
