package io.marketops.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a web/app session comes from: its channel, UTM values and how its visitors behave.
 * Paid sources are ad groups (sessions drawn from clicks); organic ones have a base volume.
 */
final class TrafficSource {
    enum Landing { HOME, PRODUCT, PROMO, MIXED }

    /** What {@code utm_content} holds when it varies per session. */
    enum Content { FIXED, POST, KOL }

    final Channel channel;
    final String medium, campaign, term, fixedContent;
    final Content content;
    final double baseSessions, newShare, registeredShare, bounce, intent;
    final Landing landing;
    /** Index into {@link AdPlan#groups()}, or −1. */
    final int adGroup;
    /** Sessions come only from registered customers, in proportion to how many there are. */
    final boolean crm;
    private final String query;

    private TrafficSource(Channel channel, String medium, String campaign, String term, String fixedContent, Content content,
                          double baseSessions, double newShare, double registeredShare, double bounce, double intent,
                          Landing landing, int adGroup, boolean crm) {
        this.channel = channel;
        this.medium = medium;
        this.campaign = campaign;
        this.term = term;
        this.fixedContent = fixedContent;
        this.content = content;
        this.baseSessions = baseSessions;
        this.newShare = newShare;
        this.registeredShare = registeredShare;
        this.bounce = bounce;
        this.intent = intent;
        this.landing = landing;
        this.adGroup = adGroup;
        this.crm = crm;
        this.query = buildQuery();
    }

    /** The landing URL's query string, with {@code utm_content} when it varies per session. */
    String query(String content) {
        if (query.isEmpty() || content == null || this.content == Content.FIXED) return query;
        return query + "&utm_content=" + encode(content);
    }

    private String buildQuery() {
        if (medium == null) return "";
        StringBuilder q = new StringBuilder("?utm_source=").append(encode(channel.utmSource)).append("&utm_medium=").append(medium);
        if (campaign != null) q.append("&utm_campaign=").append(encode(campaign));
        if (term != null) q.append("&utm_term=").append(encode(term));
        if (fixedContent != null) q.append("&utm_content=").append(encode(fixedContent));
        return q.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static final String[] SEARCH_REFERRERS = {"https://www.baidu.com/", "https://www.sogou.com/", "https://cn.bing.com/", "https://www.so.com/"};
    static final double[] SEARCH_REFERRER_WEIGHTS = Rng.cumulative(70, 10, 12, 8);
    static final String[] KOLS = {"kol_xiaolu_beauty", "kol_momo_skin", "kol_ajie_chengfen", "kol_tangtang_daily", "kol_linlin_review"};

    /** All sources: the fixed organic ones first, then one per ad group of a web channel. */
    static List<TrafficSource> all(AdPlan plan) {
        List<TrafficSource> s = new ArrayList<>();
        s.add(organic(Channel.DIRECT, null, null, Content.FIXED, 90, 0.25, 0.35, 0.30, 1.4, Landing.HOME));
        s.add(organic(Channel.ORGANIC_SEARCH, null, null, Content.FIXED, 70, 0.60, 0.08, 0.40, 1.1, Landing.MIXED));
        s.add(organic(Channel.DOUYIN, "social", null, Content.POST, 30, 0.70, 0.05, 0.50, 0.8, Landing.PRODUCT));
        s.add(organic(Channel.DOUYIN, "kol", "douyin_达人_种草", Content.KOL, 25, 0.80, 0.03, 0.45, 1.0, Landing.PRODUCT));
        s.add(organic(Channel.XIAOHONGSHU, "social", null, Content.POST, 30, 0.70, 0.05, 0.45, 0.9, Landing.PRODUCT));
        s.add(organic(Channel.XIAOHONGSHU, "kol", "xhs_达人_种草", Content.KOL, 30, 0.80, 0.03, 0.40, 1.1, Landing.PRODUCT));
        s.add(organic(Channel.WECHAT, "social", null, Content.POST, 30, 0.40, 0.20, 0.40, 1.0, Landing.PROMO));
        s.add(organic(Channel.WEIBO, "social", null, Content.POST, 15, 0.70, 0.05, 0.55, 0.6, Landing.PROMO));
        s.add(organic(Channel.BILIBILI, "social", null, Content.POST, 12, 0.70, 0.05, 0.45, 0.8, Landing.PRODUCT));
        s.add(organic(Channel.BILIBILI, "kol", "bili_UP主_合作", Content.KOL, 10, 0.80, 0.03, 0.40, 1.0, Landing.PRODUCT));
        s.add(new TrafficSource(Channel.WECHAT, "crm", "wechat_会员_复购", null, null, Content.FIXED,
                0.015, 0, 1, 0.30, 1.6, Landing.PROMO, -1, true));
        List<AdPlan.AdGroup> groups = plan.groups();
        for (int i = 0; i < groups.size(); i++) {
            AdPlan.AdGroup g = groups.get(i);
            if (g.channel().marketplace()) continue;
            Landing landing = g.channel() == Channel.BAIDU_SEM ? Landing.MIXED : Landing.PRODUCT;
            double bounce = g.channel() == Channel.BAIDU_SEM ? 0.38 : 0.55;
            s.add(new TrafficSource(g.channel(), "cpc", g.campaign(), g.term(), g.name(), Content.FIXED,
                    0, 0.82, 0.05, bounce, g.intent(), landing, i, false));
        }
        return List.copyOf(s);
    }

    private static TrafficSource organic(Channel c, String medium, String campaign, Content content, double base,
                                         double newShare, double registeredShare, double bounce, double intent, Landing landing) {
        return new TrafficSource(c, medium, campaign, null, null, content, base, newShare, registeredShare, bounce, intent,
                landing, -1, false);
    }
}
