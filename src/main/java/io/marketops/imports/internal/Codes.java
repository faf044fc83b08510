package io.marketops.imports.internal;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical spellings so that files from different exports join up: channel codes (the same as
 * live collection uses: douyin, xiaohongshu, wechat …), ISO currency codes and order statuses.
 */
final class Codes {
    private static final Map<String, String> CHANNELS = Map.ofEntries(
            Map.entry("抖音", "douyin"), Map.entry("巨量引擎", "douyin"), Map.entry("巨量千川", "douyin"), Map.entry("oceanengine", "douyin"),
            Map.entry("小红书", "xiaohongshu"), Map.entry("聚光", "xiaohongshu"), Map.entry("red", "xiaohongshu"),
            Map.entry("微信", "wechat"), Map.entry("腾讯广告", "wechat"), Map.entry("广点通", "wechat"), Map.entry("视频号", "wechat"), Map.entry("公众号", "wechat"),
            Map.entry("微博", "weibo"), Map.entry("b站", "bilibili"), Map.entry("哔哩哔哩", "bilibili"),
            Map.entry("百度", "baidu_sem"), Map.entry("百度推广", "baidu_sem"), Map.entry("百度营销", "baidu_sem"), Map.entry("baidu", "baidu_sem"),
            Map.entry("天猫", "tmall"), Map.entry("淘宝", "tmall"), Map.entry("阿里妈妈", "tmall"), Map.entry("万相台", "tmall"),
            Map.entry("京东", "jd"), Map.entry("京准通", "jd"), Map.entry("快手", "kuaishou"), Map.entry("磁力引擎", "kuaishou"),
            Map.entry("拼多多", "pinduoduo"), Map.entry("知乎", "zhihu"));
    private static final Map<String, String> CURRENCIES = Map.of("人民币", "CNY", "元", "CNY", "rmb", "CNY", "￥", "CNY", "¥", "CNY",
            "美元", "USD", "$", "USD", "港币", "HKD", "欧元", "EUR", "英镑", "GBP");
    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("paid", "paid"), Map.entry("completed", "paid"), Map.entry("complete", "paid"), Map.entry("shipped", "paid"), Map.entry("delivered", "paid"),
            Map.entry("success", "paid"), Map.entry("交易成功", "paid"), Map.entry("已付款", "paid"), Map.entry("已支付", "paid"), Map.entry("待发货", "paid"),
            Map.entry("已发货", "paid"), Map.entry("卖家已发货", "paid"), Map.entry("买家已付款", "paid"), Map.entry("等待卖家发货", "paid"),
            Map.entry("等待买家确认收货", "paid"), Map.entry("已完成", "paid"), Map.entry("已签收", "paid"), Map.entry("已收货", "paid"),
            Map.entry("refunded", "refunded"), Map.entry("returned", "refunded"), Map.entry("退款", "refunded"), Map.entry("已退款", "refunded"),
            Map.entry("退款成功", "refunded"), Map.entry("已退货", "refunded"), Map.entry("售后完成", "refunded"),
            Map.entry("cancelled", "cancelled"), Map.entry("canceled", "cancelled"), Map.entry("closed", "cancelled"), Map.entry("交易关闭", "cancelled"),
            Map.entry("已取消", "cancelled"), Map.entry("取消", "cancelled"), Map.entry("已关闭", "cancelled"), Map.entry("订单关闭", "cancelled"),
            Map.entry("pending", "pending"), Map.entry("unpaid", "pending"), Map.entry("待付款", "pending"), Map.entry("等待买家付款", "pending"),
            Map.entry("未付款", "pending"), Map.entry("待支付", "pending"));

    private Codes() {
    }

    static String channel(String raw) {
        if (raw == null) return null;
        String s = raw.trim().toLowerCase(Locale.ROOT);
        return CHANNELS.getOrDefault(s, s);
    }

    /** The ISO code, or null when the text is no currency. */
    static String currency(String raw) {
        String s = raw.trim();
        String known = CURRENCIES.get(s.toLowerCase(Locale.ROOT));
        if (known != null) return known;
        try {
            return Currency.getInstance(s.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** paid, refunded, cancelled or pending; null when the text is none of the known spellings. */
    static String status(String raw) {
        return STATUSES.get(raw.trim().toLowerCase(Locale.ROOT));
    }
}
