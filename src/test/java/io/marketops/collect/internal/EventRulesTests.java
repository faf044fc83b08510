package io.marketops.collect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventRulesTests {
    static JsonNode json(String s) throws Exception {
        return TrackingPayloads.JSON.readTree(s);
    }

    static String check(String type, String body) throws Exception {
        return EventRules.check(type, json(body), body.length(), 32 * 1024);
    }

    @Test
    void acceptsValidCallsAndIgnoresUnknownFields() throws Exception {
        assertThat(check("track", "{\"event\":\"x\",\"userId\":\"u\",\"_metadata\":{},\"integrations\":{},\"writeKey\":\"k\",\"new\":1}")).isNull();
        assertThat(check("page", "{\"anonymousId\":\"a\"}")).isNull();
        assertThat(check("identify", "{\"userId\":42,\"traits\":{\"tier\":\"gold\"}}")).isNull();
        assertThat(check("alias", "{\"userId\":\"u\",\"previousId\":\"a\"}")).isNull();
        assertThat(check("group", "{\"userId\":\"u\",\"groupId\":\"g\"}")).isNull();
    }

    @Test
    void namesWhatIsWrong() throws Exception {
        assertThat(check("track", "{\"userId\":\"u\"}")).isEqualTo("track call without event name");
        assertThat(check("track", "{\"event\":\"x\"}")).isEqualTo("missing userId and anonymousId");
        assertThat(check(null, "{\"event\":\"x\",\"userId\":\"u\"}")).startsWith("missing type");
        assertThat(check("purchase", "{\"userId\":\"u\"}")).startsWith("unknown type 'purchase'");
        assertThat(check("track", "{\"event\":\"x\",\"userId\":\"u\",\"timestamp\":\"soon\"}")).startsWith("timestamp 'soon' is not an ISO-8601");
        assertThat(check("track", "{\"event\":\"x\",\"userId\":\"u\",\"properties\":[1]}")).isEqualTo("properties must be a JSON object");
        assertThat(check("alias", "{\"userId\":\"u\"}")).isEqualTo("alias call without previousId");
        assertThat(check("group", "{\"userId\":\"u\"}")).isEqualTo("group call without groupId");
        assertThat(EventRules.check("track", json("[1]"), 3, 100)).isEqualTo("event is not a JSON object");
        assertThat(EventRules.check("track", json("{\"event\":\"x\",\"userId\":\"u\"}"), 40_000, 32 * 1024)).contains("32 KB");
    }
}
