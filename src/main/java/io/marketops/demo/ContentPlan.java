package io.marketops.demo;

import io.marketops.warehouse.ContentMetricRow;
import io.marketops.warehouse.FactAppender;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The brand's posts on content platforms (about one every two days, at most 120, some
 * published in the month before the window) and their daily statistics: a first-day peak
 * decaying at the platform's pace — a day on Weibo and WeChat, weeks on Xiaohongshu thanks
 * to search. Posts also send organic social visits, so a viral post shows up in web traffic.
 */
final class ContentPlan {
    static final int MAX_POSTS = 120;
    static final int DAYS_TRACKED = 45;

    private record Platform(Channel channel, double share, double reads, double tau, double floor, double likes,
                            double shares, double saves, double completionFrom, double completionTo, double followers) {
    }

    private static final Platform[] PLATFORMS = {
            new Platform(Channel.DOUYIN, 30, 20_000, 1.2, 0, 0.040, 0.006, 0.008, 0.22, 0.45, 0.002),
            new Platform(Channel.XIAOHONGSHU, 30, 6_000, 5, 0.004, 0.035, 0.004, 0.025, 0.50, 0.80, 0.003),
            new Platform(Channel.WECHAT, 15, 3_000, 0.9, 0, 0.012, 0.008, 0.004, 0.45, 0.70, 0.004),
            new Platform(Channel.WEIBO, 10, 5_000, 0.7, 0, 0.010, 0.005, 0.002, 0.30, 0.50, 0.0015),
            new Platform(Channel.BILIBILI, 15, 9_000, 3, 0.002, 0.050, 0.004, 0.020, 0.35, 0.60, 0.004),
    };
    private static final String[] TITLES = {
            "{p}真实测评｜28天前后对比", "换季护肤三步走，{p}怎么用", "成分党解读：{p}的核心成分",
            "敏感肌自救指南｜{p}温和不刺激", "打工人5分钟护肤routine｜{p}", "Demo Brand新品｜{p}上手体验",
            "油皮干皮怎么选？{p}实测", "早C晚A新手怎么搭{p}", "护肤误区盘点｜{p}正确用法", "一周素颜挑战，{p}陪我打卡",
    };
    private static final String[] TITLES_618 = {"618囤货清单｜{p}值不值得买", "618攻略：{p}满减怎么凑"};
    private static final String[] TITLES_11 = {"双11囤货攻略｜{p}满减怎么凑", "双11必看：{p}使用全攻略"};

    private record Post(String id, Platform platform, String title, int publishDay, double peakReads, double completion) {
    }

    private final long seed;
    private final long workspaceId;
    private final LocalDate from;
    private final int days;
    private final List<Post> posts;
    private final double[] meanDailyReads = new double[Channel.values().length];
    // today's live posts per channel, for drawing the post behind a visit
    private final double[] todayReads = new double[Channel.values().length];
    private final int[][] livePosts;
    private final double[][] liveCumulative;
    private final int[] liveCount = new int[Channel.values().length];

    ContentPlan(long seed, long workspaceId, LocalDate from, int days, Seasonality seasonality) {
        this.seed = seed;
        this.workspaceId = workspaceId;
        this.from = from;
        this.days = days;
        this.posts = plan(seasonality);
        for (Post p : posts) {
            for (int d = Math.max(0, p.publishDay()); d < days && d <= p.publishDay() + DAYS_TRACKED; d++) {
                meanDailyReads[p.platform().channel().ordinal()] += expectedReads(p, d) / days;
            }
        }
        livePosts = new int[Channel.values().length][posts.size()];
        liveCumulative = new double[Channel.values().length][posts.size()];
    }

    int postCount() {
        return posts.size();
    }

    private List<Post> plan(Seasonality seasonality) {
        Rng rng = Rng.stream(seed, 2, 0);
        int count = (int) Math.max(3, Math.min(MAX_POSTS, Math.round(days * 0.5 * rng.noise(0.1))));
        double[] platformWeights = new double[PLATFORMS.length];
        for (int i = 0; i < PLATFORMS.length; i++) platformWeights[i] = PLATFORMS[i].share();
        double[] cumulative = Rng.cumulative(platformWeights);
        List<Post> planned = new ArrayList<>();
        while (planned.size() < count) {
            int day = rng.chance(0.1) ? -1 - rng.nextInt(30) : rng.nextInt(days);
            LocalDate date = from.plusDays(day);
            Seasonality.Day season = seasonality.day(date);
            if (!rng.chance(Math.min(1, season.web() / 2))) continue; // publish more when shoppers are busy
            Platform platform = PLATFORMS[rng.pick(cumulative)];
            String[] titles = season.promo() == Catalog.PROMO_618 ? TITLES_618
                    : season.promo() == Catalog.PROMO_DOUBLE_11 ? TITLES_11 : TITLES;
            String product = Catalog.PRODUCTS[rng.pick(Catalog.PRODUCT_WEIGHTS)].name();
            String title = titles[rng.nextInt(titles.length)].replace("{p}", product);
            if (platform.channel() == Channel.BILIBILI) title = "【测评】" + title;
            if (platform.channel() == Channel.WEIBO) title = "#Demo Brand# " + title;
            double reads = platform.reads() * rng.noise(0.9) * (rng.chance(0.06) ? 8 : 1);
            double completion = platform.completionFrom() + rng.nextDouble() * (platform.completionTo() - platform.completionFrom());
            planned.add(new Post(null, platform, title, day, reads, completion));
        }
        planned.sort(Comparator.comparingInt(Post::publishDay));
        List<Post> numbered = new ArrayList<>(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            Post p = planned.get(i);
            numbered.add(new Post(Ids.of("post-", i + 1L, 4), p.platform(), p.title(), p.publishDay(), p.peakReads(), p.completion()));
        }
        return List.copyOf(numbered);
    }

    private static double expectedReads(Post p, int day) {
        int age = day - p.publishDay();
        if (age < 0 || age > DAYS_TRACKED) return 0;
        if (age == 0) return p.peakReads() * 0.55; // published during the day
        double decay = StrictMath.exp(-(age - 1) / p.platform().tau());
        double reads = p.peakReads() * Math.max(decay, p.platform().floor());
        return reads < 3 ? 0 : reads;
    }

    /** Writes today's rows and prepares today's draws of posts behind visits. */
    long writeDay(int day, FactAppender sink) {
        Arrays.fill(todayReads, 0);
        Arrays.fill(liveCount, 0);
        LocalDate date = from.plusDays(day);
        long rows = 0;
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            double expected = expectedReads(p, day);
            if (expected <= 0) continue;
            Rng rng = Rng.stream(seed, 3, i * 10_000L + day + 100);
            Platform pf = p.platform();
            long reads = Math.max(1, Math.round(expected * rng.noise(0.15)));
            long likes = rng.binomial(reads, pf.likes());
            double completion = Math.max(0, Math.min(1, p.completion() * rng.noise(0.05)));
            sink.contentMetric(new ContentMetricRow(workspaceId, p.id(), pf.channel().id, date, p.title(), reads, likes,
                    rng.binomial(likes, 0.07), rng.binomial(reads, pf.shares()), rng.binomial(reads, pf.saves()),
                    Math.round(completion * 10_000) / 10_000.0, rng.binomial(reads, pf.followers())));
            rows++;
            int c = pf.channel().ordinal();
            todayReads[c] += reads;
            livePosts[c][liveCount[c]] = i;
            liveCumulative[c][liveCount[c]] = todayReads[c];
            liveCount[c]++;
        }
        return rows;
    }

    /** How much today's posts lift a channel's organic visits: 0.85 to 1.3 of normal. */
    double boost(Channel channel) {
        double mean = meanDailyReads[channel.ordinal()];
        return mean <= 0 ? 1 : 0.85 + 0.15 * Math.min(3, todayReads[channel.ordinal()] / mean);
    }

    /** A post live today on the channel, drawn by reads, or null when there is none. */
    String pickPost(Channel channel, Rng rng) {
        int c = channel.ordinal();
        int live = liveCount[c];
        if (live == 0) return null;
        double x = rng.nextDouble() * liveCumulative[c][live - 1];
        int lo = 0, hi = live - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (liveCumulative[c][mid] > x) hi = mid; else lo = mid + 1;
        }
        return posts.get(livePosts[c][lo]).id();
    }
}
