package io.marketops.collect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.warehouse.EventRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventMapperTests {
    static final long RECEIVED = Instant.parse("2026-11-11T00:00:10Z").toEpochMilli();

    static EventMapper.Mapped map(String type, String json) throws Exception {
        JsonNode e = TrackingPayloads.JSON.readTree(json);
        return EventMapper.map(7, type, "m-1", e, RECEIVED, null, null, "CNY");
    }

    @Test
    void timeIsTheTimestampAsGivenElseTheOriginalTimestampCorrectedForClockSkew() throws Exception {
        assertThat(map("track", "{\"event\":\"x\",\"userId\":\"u\",\"timestamp\":\"2019-01-01T00:00:00+08:00\"}").row().ts())
                .isEqualTo(Instant.parse("2018-12-31T16:00:00Z"));
        assertThat(map("track", "{\"event\":\"x\",\"userId\":\"u\",\"originalTimestamp\":\"2026-11-11T00:00:00Z\",\"sentAt\":\"2026-11-11T00:00:05Z\"}").row().ts())
                .isEqualTo(Instant.parse("2026-11-11T00:00:05Z"));
        assertThat(map("track", "{\"event\":\"x\",\"userId\":\"u\"}").row().ts()).isEqualTo(Instant.ofEpochMilli(RECEIVED));
    }

    @Test
    void pageFieldsAndUtmTagsComeFromTheContextOrTheUrl() throws Exception {
        EventRow r = map("page", """
                {"anonymousId":"a","name":"Home","properties":{"url":"https://shop.example.cn/p/9?utm_source=douyin&utm_medium=video&utm_campaign=%E5%8F%8C11",
                 "referrer":"https://www.douyin.com/"}}""").row();
        assertThat(r.event()).isEqualTo("Home");
        assertThat(r.path()).isEqualTo("/p/9");
        assertThat(r.utmSource()).isEqualTo("douyin");
        assertThat(r.utmMedium()).isEqualTo("video");
        assertThat(r.utmCampaign()).isEqualTo("双11");
        assertThat(r.referrer()).isEqualTo("https://www.douyin.com/");
    }

    @Test
    void revenueCurrencyAndOrderIdComeFromProperties() throws Exception {
        EventRow r = map("track", "{\"event\":\"Order Completed\",\"userId\":\"u\",\"properties\":{\"total\":\"88.8\",\"orderId\":\"o-9\"}}").row();
        assertThat(r.revenue()).isEqualByComparingTo(new BigDecimal("88.8"));
        assertThat(r.currency()).isEqualTo("CNY");
        assertThat(r.orderId()).isEqualTo("o-9");
        assertThat(map("track", "{\"event\":\"x\",\"userId\":\"u\",\"properties\":{\"revenue\":5,\"currency\":\"usd\"}}").row().currency()).isEqualTo("USD");
        assertThat(map("track", "{\"event\":\"x\",\"userId\":\"u\"}").row().currency()).isNull();
    }

    @Test
    void platformFollowsTheLibraryAndDeviceTheUserAgent() throws Exception {
        assertThat(map("track", "{\"event\":\"x\",\"userId\":\"u\",\"context\":{\"library\":{\"name\":\"analytics-java\"}}}").row().platform()).isEqualTo("server");
        assertThat(map("track", "{\"event\":\"x\",\"userId\":\"u\",\"context\":{\"library\":{\"name\":\"analytics-ios\"}}}").row().platform()).isEqualTo("ios");
        EventRow mp = map("page", "{\"anonymousId\":\"a\",\"context\":{\"userAgent\":\"Mozilla/5.0 (Linux; Android 14; HarmonyOS) Mobile MicroMessenger/8.0 miniProgram\"}}").row();
        assertThat(mp.platform()).isEqualTo("miniprogram");
        assertThat(mp.os()).isEqualTo("HarmonyOS");
        assertThat(mp.device()).isEqualTo("mobile");
        assertThat(mp.browser()).isEqualTo("WeChat Mini Program");
    }

    @Test
    void aMappedRowSurvivesTheLogEncoding() throws Exception {
        EventMapper.Mapped m = map("alias", "{\"userId\":\"u\",\"previousId\":\"old\",\"properties\":{\"revenue\":1.5}}");
        RowCodec.Decoded d = RowCodec.decode(RowCodec.encode(m.row(), m.previousId()));
        assertThat(d.row()).isEqualTo(m.row());
        assertThat(d.previousId()).isEqualTo("old");
    }
}
