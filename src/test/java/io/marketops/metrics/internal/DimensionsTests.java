package io.marketops.metrics.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which named dimensions a metric's facts allow: the intersection over every source it reads. */
class DimensionsTests {

    @Test
    void eventMetricsAllowEveryEventDimensionIncludingContent() {
        assertThat(Dimensions.common(List.of(Source.EVENTS, Source.SESSIONS)))
                .containsExactlyElementsOf(Dimensions.EVENT_COLUMNS.keySet()).contains("content", "platform");
    }

    @Test
    void ordersAndAdCostsTogetherAllowChannelAndCampaignOnly() {
        assertThat(Dimensions.common(List.of(Source.ORDERS, Source.ADS))).containsExactly("channel", "campaign");
    }

    @Test
    void contentStatisticsAllowChannelAndContentButOrdersWithThemOnlyChannel() {
        assertThat(Dimensions.common(List.of(Source.CONTENT))).containsExactly("channel", "content");
        assertThat(Dimensions.common(List.of(Source.CONTENT, Source.ORDERS))).containsExactly("channel");
    }
}
