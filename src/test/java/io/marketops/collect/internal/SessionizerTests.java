package io.marketops.collect.internal;

import io.marketops.collect.Touch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SessionizerTests {
    final Sessionizer sessions = new Sessionizer(Duration.ofMinutes(30), 1000);
    static final Touch NONE = new Touch(null, null, null, null, null);
    static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    Sessionizer.Assigned at(int minutes, Touch t, String channel) {
        return sessions.assign("1|a:v1", T0.plusSeconds(minutes * 60L), t, () -> channel);
    }

    @Test
    void thirtyMinutesOfInactivityStartANewSession() {
        var first = at(0, NONE, "direct");
        assertThat(at(29, NONE, "x").sessionId()).isEqualTo(first.sessionId());
        assertThat(at(58, NONE, "x").sessionId()).isEqualTo(first.sessionId());
        var later = at(89, NONE, "referral");
        assertThat(later.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(later.channel()).isEqualTo("referral");
    }

    @Test
    void aNewCampaignStartsANewSessionAndTheSessionKeepsItsFirstChannel() {
        var first = at(0, new Touch("douyin", "cpc", "d11", null, null), "douyin");
        var same = at(5, NONE, "direct");
        assertThat(same.sessionId()).isEqualTo(first.sessionId());
        assertThat(same.channel()).isEqualTo("douyin");
        var other = at(6, new Touch("xiaohongshu", "social", null, null, null), "xiaohongshu");
        assertThat(other.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(other.channel()).isEqualTo("xiaohongshu");
    }

    @Test
    void sessionIdsAreTheSameWhenTheSameEventsAreReplayed() {
        assertThat(Sessionizer.sessionId("1|a:v1", 42)).isEqualTo(Sessionizer.sessionId("1|a:v1", 42)).isNotEqualTo(Sessionizer.sessionId("1|a:v2", 42));
    }

    @Test
    void aBackFilledVisitDoesNotEndTheLiveSessionAndKeepsItsOwnSession() {
        var live = at(0, NONE, "direct");
        int monthAgo = -30 * 24 * 60;
        var old1 = at(monthAgo, new Touch("baidu", "cpc", "s1", null, null), "baidu");
        var old2 = at(monthAgo + 5, NONE, "direct");
        var liveAgain = at(10, NONE, "x");
        assertThat(liveAgain.sessionId()).isEqualTo(live.sessionId());
        assertThat(liveAgain.channel()).isEqualTo("direct");
        assertThat(old1.sessionId()).isNotEqualTo(live.sessionId());
        assertThat(old2.sessionId()).as("the back-filled visit is one session").isEqualTo(old1.sessionId());
        assertThat(old2.channel()).isEqualTo("baidu");
    }
}
