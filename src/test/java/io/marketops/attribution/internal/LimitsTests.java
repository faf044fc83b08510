package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.AttributionSettings;
import io.marketops.attribution.PathTable;
import io.marketops.core.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inputs that would take the server minutes are refused up front with what to change. */
class LimitsTests {

    @Test
    void tooManyDistinctChannelsAreRefused() {
        PathTable.Builder b = PathTable.builder();
        for (int i = 0; i < 201; i++) b.add("ch" + i, 1, 0, 0);
        assertThatThrownBy(() -> AttributionEngine.run(b.build(), AttributionSettings.defaults(), AttributionProperties.defaults()))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("201 distinct channels").hasMessageContaining("at most 200");
    }

    @Test
    void aChainWithTooManyStatesAsksForALowerOrder() {
        AttributionProperties small = new AttributionProperties(null, null, null, null, null, null, null, null, null, null, null, 100);
        AttributionSettings third = AttributionSettings.defaults().withModels(List.of(AttributionModelId.MARKOV)).withMarkovOrder(3);
        assertThatThrownBy(() -> AttributionEngine.run(PathTables.channelAttributionData(), third, small))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("markovOrder").hasMessageContaining("933 states");
    }
}
