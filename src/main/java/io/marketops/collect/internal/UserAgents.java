package io.marketops.collect.internal;

import java.util.Locale;

/**
 * A small user-agent reader for the devices Chinese audiences use: device class, operating
 * system (HarmonyOS included) and browser or in-app browser (WeChat, Douyin, Xiaohongshu, Weibo …).
 */
final class UserAgents {
    private UserAgents() {
    }

    record Parsed(String device, String os, String browser) {
    }

    static Parsed parse(String ua) {
        if (ua == null || ua.isBlank()) return new Parsed(null, null, null);
        String u = ua.toLowerCase(Locale.ROOT);
        return new Parsed(device(u), os(u), browser(u));
    }

    private static String device(String u) {
        if (u.contains("bot") || u.contains("spider") || u.contains("crawler")) return "bot";
        if (u.contains("ipad") || u.contains("tablet") || (u.contains("android") && !u.contains("mobile"))) return "tablet";
        if (u.contains("mobi") || u.contains("iphone") || u.contains("android")) return "mobile";
        return "desktop";
    }

    private static String os(String u) {
        if (u.contains("harmonyos") || u.contains("openharmony")) return "HarmonyOS";
        if (u.contains("iphone") || u.contains("ipad") || u.contains("ipod")) return "iOS";
        if (u.contains("android")) return "Android";
        if (u.contains("windows")) return "Windows";
        if (u.contains("mac os x") || u.contains("macintosh")) return "macOS";
        if (u.contains("cros")) return "ChromeOS";
        if (u.contains("linux")) return "Linux";
        return null;
    }

    private static String browser(String u) {
        if (u.contains("miniprogram")) return "WeChat Mini Program";
        if (u.contains("micromessenger")) return "WeChat";
        if (u.contains("aweme") || u.contains("bytedancewebview") || u.contains("douyin")) return "Douyin";
        if (u.contains("xhsdiscover") || u.contains("xiaohongshu")) return "Xiaohongshu";
        if (u.contains("weibo")) return "Weibo";
        if (u.contains("dingtalk")) return "DingTalk";
        if (u.contains(" qq/")) return "QQ";
        if (u.contains("alipayclient")) return "Alipay";
        if (u.contains("ucbrowser")) return "UC Browser";
        if (u.contains("mqqbrowser") || u.contains("qqbrowser")) return "QQ Browser";
        if (u.contains("baiduboxapp")) return "Baidu App";
        if (u.contains("quark")) return "Quark";
        if (u.contains("huaweibrowser")) return "Huawei Browser";
        if (u.contains("edg/") || u.contains("edge/")) return "Edge";
        if (u.contains("opr/") || u.contains("opera")) return "Opera";
        if (u.contains("firefox/")) return "Firefox";
        if (u.contains("chrome/") || u.contains("crios/")) return "Chrome";
        if (u.contains("safari/")) return "Safari";
        return null;
    }
}
