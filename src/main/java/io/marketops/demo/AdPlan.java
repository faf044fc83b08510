package io.marketops.demo;

import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.FactAppender;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * Campaigns and ad groups of every paid channel, and their daily delivery. Clicks are decided
 * first; web sessions are then drawn from the clicks (so clicks ≥ paid visits) and purchases
 * in those sessions become the ad group's conversions.
 */
final class AdPlan {
    /** Share of web ad clicks that load the landing page and become a session. */
    static final double LANDING_RATE = 0.85;
    /** Platforms claim conversions they cannot prove to us (view-through, cross-device). */
    static final double PLATFORM_OVERCLAIM = 0.2;

    record AdGroup(Channel channel, String campaign, String name, String term, double weight,
                   LocalDate activeFrom, LocalDate activeTo, double intent, double cpcFactor) {
        boolean activeOn(LocalDate date) {
            return !date.isBefore(activeFrom) && !date.isAfter(activeTo);
        }
    }

    private final List<AdGroup> groups;
    private final long[] clicks, impressions, costCents, conversions, conversionCents;

    AdPlan(LocalDate from, LocalDate to) {
        this.groups = List.copyOf(build(from, to));
        int n = groups.size();
        if (n >= 4095) throw new IllegalStateException("too many ad groups for the window: " + n); // packed in 12 bits
        clicks = new long[n];
        impressions = new long[n];
        costCents = new long[n];
        conversions = new long[n];
        conversionCents = new long[n];
    }

    List<AdGroup> groups() {
        return groups;
    }

    /** Decides today's delivery of every active ad group; returns nothing, read it with {@link #clicks(int)}. */
    void deliver(DayContext day, double scale, Rng rng) {
        double[] channelWeight = new double[Channel.values().length];
        for (AdGroup g : groups) if (g.activeOn(day.date())) channelWeight[g.channel().ordinal()] += g.weight();
        for (int i = 0; i < groups.size(); i++) {
            AdGroup g = groups.get(i);
            conversions[i] = 0;
            conversionCents[i] = 0;
            if (!g.activeOn(day.date())) {
                clicks[i] = impressions[i] = costCents[i] = -1;
                continue;
            }
            Channel c = g.channel();
            double demand = c.marketplace() ? day.season().marketplace() : day.season().web();
            double expectedClicks = c.baseClicks * scale * demand * day.channelNoise(c) * day.anomalies().traffic(c, day.date())
                    * g.weight() / channelWeight[c.ordinal()];
            double ctr = c.ctr * rng.noise(0.12);
            impressions[i] = Math.max(0, Math.round(expectedClicks / c.ctr * rng.noise(0.1)));
            clicks[i] = rng.binomial(impressions[i], ctr);
            double cpc = c.cpc * g.cpcFactor() * day.season().cpc() * day.anomalies().cpc(c, day.date());
            costCents[i] = Math.round(clicks[i] * cpc * rng.noise(0.08) * 100);
        }
    }

    long clicks(int group) {
        return clicks[group];
    }

    void convert(int group, long amountCents) {
        conversions[group]++;
        conversionCents[group] += amountCents;
    }

    /** Writes today's report lines, with the platforms' usual over-claiming of conversions. */
    void report(DayContext day, long workspaceId, Rng rng, FactAppender sink) {
        for (int i = 0; i < groups.size(); i++) {
            if (clicks[i] < 0) continue;
            AdGroup g = groups.get(i);
            long claimed = conversions[i], value = conversionCents[i];
            if (!g.channel().marketplace() && claimed > 0) {
                long extra = rng.poisson(claimed * PLATFORM_OVERCLAIM);
                value += Math.round((double) value / claimed * extra);
                claimed += extra;
            }
            sink.adCost(new AdCostRow(workspaceId, day.date(), g.channel().id, g.campaign(), g.name(),
                    impressions[i], clicks[i], Cents.of(costCents[i]), "CNY", claimed, Cents.of(value)));
        }
    }

    private static List<AdGroup> build(LocalDate from, LocalDate to) {
        List<AdGroup> g = new ArrayList<>();
        Builder b = new Builder(g, from, to);
        b.always(Channel.DOUYIN, "douyin_信息流_拉新", 3, 0.7, 1.0, "女_18-24_护肤兴趣", "女_25-34_成分党", "相似人群_扩量");
        b.always(Channel.DOUYIN, "douyin_千川_直播间", 2, 0.9, 1.2, "直播间_成交", "直播间_涨粉");
        b.peaks(Channel.DOUYIN, "douyin_618_大促", "douyin_双11_大促", 2, 1.0, 1.3, "大促_直播", "大促_短视频");
        b.seasons(Channel.XIAOHONGSHU, "xhs_种草_", 3, 0.9, 1.0, "笔记_精华测评", "笔记_敏感肌");
        b.always(Channel.XIAOHONGSHU, "xhs_搜索_品牌词", 1.5, 1.4, 0.8, "品牌词", "品类词_精华");
        b.always(Channel.WECHAT, "wechat_朋友圈_拉新", 3, 0.8, 1.0, "女_25-34_一线城市", "女_18-24_学生");
        b.always(Channel.WECHAT, "wechat_公众号_再营销", 1.5, 1.5, 0.8, "再营销_7日加购", "再营销_老客");
        b.always(Channel.WEIBO, "weibo_粉丝通_曝光", 2, 0.6, 1.0, "兴趣_美妆", "粉丝相似");
        b.always(Channel.WEIBO, "weibo_热搜_话题", 1, 0.6, 1.3, "话题_新品");
        b.always(Channel.BILIBILI, "bili_信息流_种草", 2, 0.8, 1.0, "UP主相似_美妆", "兴趣_护肤");
        b.always(Channel.BILIBILI, "bili_起飞_视频加热", 1, 0.8, 0.9, "视频加热_测评");
        b.search("baidu_brand_词", 2, 1.8, 0.5, "品牌词_精确", "demo brand", "品牌词_产品", "demo brand 精华");
        b.search("baidu_品类_精华", 2, 1.0, 1.2, "通用词_修护精华", "修护精华推荐", "通用词_保湿面霜", "保湿面霜哪个好");
        b.search("baidu_竞品_词", 1, 0.7, 1.8, "竞品_国际品牌", "大牌精华平替", "竞品_国货", "国货精华");
        b.always(Channel.TMALL, "tmall_直通车_精华", 3, 1.0, 1.0, "关键词_精华", "关键词_面霜");
        b.always(Channel.TMALL, "tmall_引力魔方_拉新", 2, 0.8, 0.9, "人群_新客", "人群_老客召回");
        b.peaks(Channel.TMALL, "tmall_618_预售", "tmall_双11_预售", 2.5, 1.1, 1.2, "预售_精华", "预售_礼盒");
        b.always(Channel.JD, "jd_快车_关键词", 2, 1.0, 1.0, "关键词_护肤");
        b.always(Channel.JD, "jd_京准通_推荐", 1.5, 0.8, 0.9, "推荐_相似人群");
        b.peaks(Channel.JD, "jd_618_狂欢", "jd_双11_狂欢", 2, 1.1, 1.2, "大促_护肤");
        return g;
    }

    /** Adds ad groups with the campaign's weight split evenly among them. */
    private record Builder(List<AdGroup> out, LocalDate from, LocalDate to) {
        void always(Channel c, String campaign, double weight, double intent, double cpc, String... groups) {
            add(c, campaign, weight, intent, cpc, from, to, groups);
        }

        void search(String campaign, double weight, double intent, double cpc, String... groupsAndTerms) {
            for (int i = 0; i < groupsAndTerms.length; i += 2) {
                out.add(new AdGroup(Channel.BAIDU_SEM, campaign, groupsAndTerms[i], groupsAndTerms[i + 1],
                        weight * 2 / groupsAndTerms.length, from, to, intent, cpc));
            }
        }

        /** A campaign for each 618 (June 1–20) and Double 11 (Oct 20–Nov 13) that touches the window. */
        void peaks(Channel c, String name618, String name11, double weight, double intent, double cpc, String... groups) {
            for (int year = from.getYear(); year <= to.getYear(); year++) {
                window(c, name618, weight, intent, cpc, MonthDay.of(6, 1).atYear(year), MonthDay.of(6, 20).atYear(year), groups);
                window(c, name11, weight, intent, cpc, MonthDay.of(10, 20).atYear(year), MonthDay.of(11, 13).atYear(year), groups);
            }
        }

        /** One campaign per season (春季 Mar–May, 夏季 Jun–Aug, 秋季 Sep–Nov, 冬季 Dec–Feb) in the window. */
        void seasons(Channel c, String prefix, double weight, double intent, double cpc, String... groups) {
            String[] names = {"冬季", "春季", "夏季", "秋季"};
            LocalDate start = from.withDayOfMonth(1).minusMonths(from.getMonthValue() % 3);
            for (LocalDate s = start; !s.isAfter(to); s = s.plusMonths(3)) {
                window(c, prefix + names[s.getMonthValue() % 12 / 3], weight, intent, cpc, s, s.plusMonths(3).minusDays(1), groups);
            }
        }

        private void window(Channel c, String campaign, double weight, double intent, double cpc,
                            LocalDate start, LocalDate end, String... groups) {
            if (end.isBefore(from) || start.isAfter(to)) return;
            add(c, campaign, weight, intent, cpc, start.isBefore(from) ? from : start, end.isAfter(to) ? to : end, groups);
        }

        private void add(Channel c, String campaign, double weight, double intent, double cpc,
                         LocalDate start, LocalDate end, String... groups) {
            for (String g : groups) out.add(new AdGroup(c, campaign, g, null, weight / groups.length, start, end, intent, cpc));
        }
    }
}
