package io.marketops.anomalies.internal;

import java.util.Map;

/** Short names of metrics, dimensions, values and known days for explanation sentences, in English and 简体中文. */
final class Labels {
    private Labels() {
    }

    private static final Map<String, String[]> METRICS = Map.ofEntries(
            Map.entry("pv", new String[]{"PV", "PV"}), Map.entry("uv", new String[]{"UV", "UV"}),
            Map.entry("sessions", new String[]{"Sessions", "会话数"}), Map.entry("orders", new String[]{"Orders", "订单数"}),
            Map.entry("gmv", new String[]{"GMV", "GMV"}), Map.entry("cost", new String[]{"Ad cost", "广告花费"}),
            Map.entry("clicks", new String[]{"Clicks", "点击量"}), Map.entry("impressions", new String[]{"Impressions", "展现量"}),
            Map.entry("ctr", new String[]{"CTR", "点击率 CTR"}), Map.entry("cvr", new String[]{"CVR", "转化率 CVR"}),
            Map.entry("roas", new String[]{"ROAS", "ROAS"}), Map.entry("cpc", new String[]{"CPC", "点击成本 CPC"}), Map.entry("aov", new String[]{"AOV", "平均订单金额 AOV"}),
            Map.entry("wau", new String[]{"WAU", "周活 WAU"}), Map.entry("mau", new String[]{"MAU", "月活 MAU"}),
            Map.entry("stickiness", new String[]{"Stickiness", "粘性"}));

    private static final Map<String, String[]> DIMENSIONS = Map.of(
            "channel", new String[]{"channel", "渠道"}, "campaign", new String[]{"campaign", "活动"},
            "device", new String[]{"device", "设备"}, "region", new String[]{"region", "地区"},
            "content", new String[]{"content", "内容"});

    private static final Map<String, String[]> VALUES = Map.ofEntries(
            Map.entry("douyin", new String[]{"Douyin", "抖音"}), Map.entry("xiaohongshu", new String[]{"Xiaohongshu", "小红书"}),
            Map.entry("wechat", new String[]{"WeChat", "微信"}), Map.entry("weibo", new String[]{"Weibo", "微博"}),
            Map.entry("bilibili", new String[]{"Bilibili", "哔哩哔哩"}), Map.entry("baidu", new String[]{"Baidu", "百度"}),
            Map.entry("tmall", new String[]{"Tmall", "天猫"}), Map.entry("jd", new String[]{"JD", "京东"}),
            Map.entry("direct", new String[]{"Direct", "直接访问"}), Map.entry("organic_search", new String[]{"Organic search", "自然搜索"}),
            Map.entry("mobile", new String[]{"Mobile", "移动端"}), Map.entry("desktop", new String[]{"Desktop", "桌面端"}),
            Map.entry("tablet", new String[]{"Tablet", "平板"}));

    private static final Map<String, String[]> DAYS = Map.of(
            "618", new String[]{"618", "618"}, "double_11", new String[]{"Double 11", "双11"},
            "new_year", new String[]{"New Year's Day", "元旦"}, "spring_festival", new String[]{"Spring Festival", "春节"},
            "qingming", new String[]{"Qingming", "清明"}, "labour_day", new String[]{"Labour Day", "劳动节"},
            "dragon_boat", new String[]{"Dragon Boat Festival", "端午"}, "mid_autumn", new String[]{"Mid-Autumn Festival", "中秋"},
            "national_day", new String[]{"National Day", "国庆"});

    static String metric(String id, boolean zh) {
        return pick(METRICS, id, zh, id);
    }

    static String dimension(String name, boolean zh) {
        return pick(DIMENSIONS, name, zh, name);
    }

    /** A dimension value; channels and devices by name, other values as they are; null as "(not set)". */
    static String value(String value, boolean zh) {
        if (value == null) return zh ? "（未设置）" : "(not set)";
        return pick(VALUES, value, zh, value);
    }

    /** A value with its dimension unless the value speaks for itself (channels): "Douyin", "campaign 618_预售". */
    static String slice(String dimension, String value, boolean zh) {
        if ("channel".equals(dimension)) return value(value, zh);
        return dimension(dimension, zh) + (zh ? " " : " ") + value(value, zh);
    }

    static String day(String name, boolean zh) {
        return pick(DAYS, name, zh, name);
    }

    private static String pick(Map<String, String[]> map, String key, boolean zh, String fallback) {
        String[] v = map.get(key);
        return v == null ? fallback : v[zh ? 1 : 0];
    }
}
