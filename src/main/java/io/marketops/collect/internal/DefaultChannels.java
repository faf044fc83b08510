package io.marketops.collect.internal;

import io.marketops.collect.Channel;
import io.marketops.collect.ChannelRule;

import java.util.List;

/**
 * The channels and rules every workspace starts with, for Chinese marketing teams: the big
 * content platforms, paid search, marketplaces, owned messaging, then the web's own fallbacks.
 * Source patterns match {@code utm_source}, medium patterns {@code utm_medium}, referrer patterns
 * the referrer's host; a rule with only a referrer pattern applies to visits without UTM tags.
 */
final class DefaultChannels {
    private DefaultChannels() {
    }

    static final List<Channel> CHANNELS = List.of(
            new Channel("douyin", "Douyin", "抖音"),
            new Channel("xiaohongshu", "Xiaohongshu (RED)", "小红书"),
            new Channel("wechat", "WeChat", "微信"),
            new Channel("weibo", "Weibo", "微博"),
            new Channel("bilibili", "Bilibili", "哔哩哔哩"),
            new Channel("zhihu", "Zhihu", "知乎"),
            new Channel("baidu", "Baidu search ads", "百度搜索推广"),
            new Channel("google", "Google Ads", "谷歌广告"),
            new Channel("tmall", "Tmall / Taobao", "天猫 / 淘宝"),
            new Channel("jd", "JD.com", "京东"),
            new Channel("email", "Email", "邮件"),
            new Channel("sms", "SMS", "短信"),
            new Channel("organic_search", "Organic search", "自然搜索"),
            new Channel("referral", "Referral", "外部引荐"),
            new Channel("direct", "Direct", "直接访问"),
            new Channel("other", "Other campaigns", "其他推广"));

    static final List<ChannelRule> RULES = List.of(
            new ChannelRule("email", null, "^(e-?mail|edm|newsletter|邮件)$", null),
            new ChannelRule("email", "^(e-?mail|edm|newsletter|邮件)$", null, null),
            new ChannelRule("sms", null, "^(sms|短信)$", null),
            new ChannelRule("sms", "^(sms|短信)$", null, null),
            new ChannelRule("douyin", "douyin|抖音|oceanengine|巨量|qianchuan|千川|aweme|tiktok", null, null),
            new ChannelRule("xiaohongshu", "xiaohongshu|^xhs|redbook|小红书|聚光", null, null),
            new ChannelRule("wechat", "wechat|weixin|^wx|^gzh|微信|公众号|视频号|^gdt|广点通", null, null),
            new ChannelRule("weibo", "weibo|微博", null, null),
            new ChannelRule("bilibili", "bilibili|^bili|b站|哔哩", null, null),
            new ChannelRule("zhihu", "zhihu|知乎", null, null),
            // a search engine tagged as organic (SEO links) is organic search, not the engine's ads
            new ChannelRule("organic_search", "baidu|百度|google|bing|sogou|搜狗|^360|shenma|神马", "^(organic|seo|自然|自然搜索)$", null),
            new ChannelRule("baidu", "baidu|百度", null, null),
            new ChannelRule("google", "google|adwords|^gads$", null, null),
            new ChannelRule("tmall", "tmall|taobao|天猫|淘宝|alimama|阿里妈妈", null, null),
            new ChannelRule("jd", "^jd$|^jd[_.-]|jingdong|京东|jingzhuntong|京准通", null, null),
            new ChannelRule("douyin", null, null, "(^|\\.)(douyin\\.com|iesdouyin\\.com|snssdk\\.com|amemv\\.com)$"),
            new ChannelRule("xiaohongshu", null, null, "(^|\\.)(xiaohongshu\\.com|xhslink\\.com)$"),
            new ChannelRule("wechat", null, null, "(^|\\.)(weixin\\.qq\\.com|wechat\\.com|servicewechat\\.com)$"),
            new ChannelRule("weibo", null, null, "(^|\\.)(weibo\\.com|weibo\\.cn|t\\.cn)$"),
            new ChannelRule("bilibili", null, null, "(^|\\.)(bilibili\\.com|b23\\.tv)$"),
            new ChannelRule("zhihu", null, null, "(^|\\.)zhihu\\.com$"),
            new ChannelRule("tmall", null, null, "(^|\\.)(tmall\\.com|taobao\\.com)$"),
            new ChannelRule("jd", null, null, "(^|\\.)jd\\.com$"),
            new ChannelRule("organic_search", null, null,
                    "(^|\\.)(baidu\\.com|google\\.[a-z.]+|bing\\.com|sogou\\.com|so\\.com|sm\\.cn|yandex\\.[a-z]+|duckduckgo\\.com|search\\.yahoo\\.com)$"));
}
