package io.marketops.collect.internal;

import io.marketops.collect.ChannelRule;
import io.marketops.collect.Touch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelClassifierTests {
    final ChannelClassifier defaults = new ChannelClassifier(DefaultChannels.RULES);

    static Touch utm(String source, String medium) {
        return new Touch(source, medium, null, null, "https://shop.example.cn/");
    }

    static Touch ref(String referrer) {
        return new Touch(null, null, null, referrer, "https://shop.example.cn/p/1");
    }

    @Test
    void defaultRulesKnowChinesePlatformsByUtmSource() {
        assertThat(defaults.classify(utm("douyin", "cpc"))).isEqualTo("douyin");
        assertThat(defaults.classify(utm("xhs", "social"))).isEqualTo("xiaohongshu");
        assertThat(defaults.classify(utm("weixin", "social"))).isEqualTo("wechat");
        assertThat(defaults.classify(utm("weibo", null))).isEqualTo("weibo");
        assertThat(defaults.classify(utm("bilibili", "video"))).isEqualTo("bilibili");
        assertThat(defaults.classify(utm("zhihu", null))).isEqualTo("zhihu");
        assertThat(defaults.classify(utm("baidu", "cpc"))).isEqualTo("baidu");
        assertThat(defaults.classify(utm("google", "cpc"))).isEqualTo("google");
        assertThat(defaults.classify(utm("baidu", "organic"))).as("SEO links tagged organic").isEqualTo("organic_search");
        assertThat(defaults.classify(utm("google", "seo"))).isEqualTo("organic_search");
        assertThat(defaults.classify(utm("tmall", null))).isEqualTo("tmall");
        assertThat(defaults.classify(utm("jd", null))).isEqualTo("jd");
        assertThat(defaults.classify(utm("newsletter", "email"))).isEqualTo("email");
        assertThat(defaults.classify(utm("aliyun", "sms"))).isEqualTo("sms");
        assertThat(defaults.classify(utm("kuaishou", "cpc"))).isEqualTo("other");
    }

    @Test
    void visitsWithoutUtmTagsAreClassifiedByReferrer() {
        assertThat(defaults.classify(ref("https://www.douyin.com/video/1"))).isEqualTo("douyin");
        assertThat(defaults.classify(ref("https://www.xiaohongshu.com/explore"))).isEqualTo("xiaohongshu");
        assertThat(defaults.classify(ref("https://mp.weixin.qq.com/s/abc"))).isEqualTo("wechat");
        assertThat(defaults.classify(ref("https://www.baidu.com/s?wd=x"))).isEqualTo("organic_search");
        assertThat(defaults.classify(ref("https://www.google.com.hk/"))).isEqualTo("organic_search");
        assertThat(defaults.classify(ref("https://news.example.org/a"))).isEqualTo("referral");
        assertThat(defaults.classify(ref("https://shop.example.cn/cart"))).isEqualTo("direct");
        assertThat(defaults.classify(new Touch(null, null, null, null, null))).isEqualTo("direct");
    }

    @Test
    void campaignTagsWinOverTheReferrer() {
        assertThat(defaults.classify(new Touch("douyin", "cpc", null, "https://www.baidu.com/", "https://shop.example.cn/"))).isEqualTo("douyin");
    }

    @Test
    void editedRulesAreTriedInOrder() {
        var custom = new ChannelClassifier(List.of(new ChannelRule("kuaishou", "^ks$|kuaishou", null, null), new ChannelRule("douyin", "douyin", null, null)));
        assertThat(custom.classify(utm("ks", "cpc"))).isEqualTo("kuaishou");
        assertThat(custom.classify(utm("xiaohongshu", null))).isEqualTo("other");
    }
}
