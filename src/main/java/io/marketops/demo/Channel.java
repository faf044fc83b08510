package io.marketops.demo;

/**
 * The marketing channels of the demo brand. Base volumes are per day at demo scale (1.0) on a
 * normal weekday; ctr and cpc (CNY) are typical of the platform's ads in China.
 */
enum Channel {
    DOUYIN("douyin", "douyin", "https://www.douyin.com/", 110, 0.015, 2.5),
    XIAOHONGSHU("xiaohongshu", "xiaohongshu", "https://www.xiaohongshu.com/", 70, 0.020, 3.0),
    WECHAT("wechat", "wechat", "https://mp.weixin.qq.com/", 50, 0.008, 3.5),
    WEIBO("weibo", "weibo", "https://weibo.com/", 25, 0.006, 1.8),
    BILIBILI("bilibili", "bilibili", "https://www.bilibili.com/", 25, 0.012, 2.0),
    BAIDU_SEM("baidu", "baidu", "https://www.baidu.com/", 60, 0.040, 4.0),
    TMALL("tmall", "tmall", null, 400, 0.030, 2.2),
    JD("jd", "jd", null, 200, 0.025, 2.0),
    DIRECT("direct", null, null, 0, 0, 0),
    ORGANIC_SEARCH("organic_search", null, "https://www.baidu.com/", 0, 0, 0);

    final String id;
    final String utmSource;
    final String referrer;
    /** Paid clicks a day at demo scale; 0 for channels without ads. */
    final double baseClicks;
    final double ctr;
    final double cpc;

    Channel(String id, String utmSource, String referrer, double baseClicks, double ctr, double cpc) {
        this.id = id;
        this.utmSource = utmSource;
        this.referrer = referrer;
        this.baseClicks = baseClicks;
        this.ctr = ctr;
        this.cpc = cpc;
    }

    /** Tmall and JD sell in their own stores: their traffic never reaches our web or app. */
    boolean marketplace() {
        return this == TMALL || this == JD;
    }

    /** Content platforms where the brand publishes posts. */
    boolean social() {
        return this == DOUYIN || this == XIAOHONGSHU || this == WECHAT || this == WEIBO || this == BILIBILI;
    }
}
