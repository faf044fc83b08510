package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.AttributionSettings;
import io.marketops.attribution.ModelResult;
import io.marketops.attribution.PathTable;
import io.marketops.attribution.PositionWeights;
import io.marketops.core.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.marketops.attribution.internal.PathTables.credit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HeuristicModelsTests {
    static final AttributionSettings DEFAULTS = AttributionSettings.defaults();

    @Test
    void lastNonDirectSkipsDirectVisitsUnlessThereIsNothingElse() {
        PathTable t = PathTable.builder()
                .add("douyin > direct > direct", 2, 200, 0)
                .add("direct > direct", 1, 50, 0)
                .build();
        ModelResult r = PathTables.run(t, AttributionModelId.LAST_NON_DIRECT);
        assertThat(credit(r, "douyin").conversions()).isEqualTo(2);
        assertThat(credit(r, "douyin").value()).isEqualTo(200);
        assertThat(credit(r, "direct").conversions()).isEqualTo(1);
    }

    @Test
    void lastNonDirectUsesTheConfiguredDirectChannels() {
        PathTable t = PathTable.builder().add("baidu > (none)", 1, 0, 0).build();
        AttributionSettings s = new AttributionSettings(List.of(AttributionModelId.LAST_NON_DIRECT), 1, 7, null, Set.of("(none)"), 10_000, 1);
        assertThat(credit(PathTables.run(t, s), "baidu").conversions()).isEqualTo(1);
    }

    @Test
    void linearCountsARepeatedChannelOnceForEachTouch() {
        PathTable t = PathTable.builder().add("a > a > b", 6, 0, 0).build();
        ModelResult r = PathTables.run(t, AttributionModelId.LINEAR);
        assertThat(credit(r, "a").conversions()).isCloseTo(4, within(1e-12));
        assertThat(credit(r, "b").conversions()).isCloseTo(2, within(1e-12));
    }

    @Test
    void timeDecayWithoutTimesHalvesTheWeightPerHalfLifeOfTouches() {
        PathTable t = PathTable.builder().add("a > b > c", 7, 70, 0).build();
        ModelResult r = PathTables.run(t, DEFAULTS.withModels(List.of(AttributionModelId.TIME_DECAY)).withHalfLife(1));
        // weights 1/4, 1/2, 1 → shares 1/7, 2/7, 4/7
        assertThat(credit(r, "a").conversions()).isCloseTo(1, within(1e-12));
        assertThat(credit(r, "b").conversions()).isCloseTo(2, within(1e-12));
        assertThat(credit(r, "c").conversions()).isCloseTo(4, within(1e-12));
        assertThat(credit(r, "c").value()).isCloseTo(40, within(1e-12));
    }

    @Test
    void timeDecayWithTouchAgesUsesDays() {
        PathTable.Builder b = PathTable.builder();
        int a = b.channel("a"), c = b.channel("c");
        b.add(new int[]{a, c}, new double[]{14, 0}, 5, 0, 0);
        ModelResult r = PathTables.run(b.build(), DEFAULTS.withModels(List.of(AttributionModelId.TIME_DECAY)).withHalfLife(7));
        // a is two half-lives older: weight 1/4 against 1 → 1/5 and 4/5 of 5 conversions
        assertThat(credit(r, "a").conversions()).isCloseTo(1, within(1e-12));
        assertThat(credit(r, "c").conversions()).isCloseTo(4, within(1e-12));
    }

    @Test
    void timeDecayOfVeryOldPathsStillAddsUp() {
        PathTable.Builder b = PathTable.builder();
        int a = b.channel("a"), c = b.channel("c");
        b.add(new int[]{a, c}, new double[]{20_000, 19_999}, 1, 0, 0);
        ModelResult r = PathTables.run(b.build(), DEFAULTS.withModels(List.of(AttributionModelId.TIME_DECAY)).withHalfLife(1));
        assertThat(credit(r, "a").conversions() + credit(r, "c").conversions()).isCloseTo(1, within(1e-12));
        assertThat(credit(r, "c").conversions()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void positionBasedSplitsTheMiddleShareAmongMiddleTouches() {
        PathTable t = PathTable.builder().add("a > b > c > d", 10, 100, 0).build();
        ModelResult r = PathTables.run(t, AttributionModelId.POSITION_BASED);
        assertThat(credit(r, "a").conversions()).isCloseTo(4, within(1e-12));
        assertThat(credit(r, "b").conversions()).isCloseTo(1, within(1e-12));
        assertThat(credit(r, "c").conversions()).isCloseTo(1, within(1e-12));
        assertThat(credit(r, "d").conversions()).isCloseTo(4, within(1e-12));
    }

    @Test
    void everyHeuristicHandsOutExactlyTheConversionsAndValue() {
        PathTable t = PathTables.channelAttributionData();
        for (AttributionModelId m : List.of(AttributionModelId.FIRST_TOUCH, AttributionModelId.LAST_TOUCH, AttributionModelId.LAST_NON_DIRECT,
                AttributionModelId.LINEAR, AttributionModelId.TIME_DECAY, AttributionModelId.POSITION_BASED)) {
            ModelResult r = PathTables.run(t, m);
            assertThat(PathTables.sumConversions(r)).as(m.id()).isCloseTo(t.totalConversions(), within(1e-7));
            assertThat(PathTables.sumValue(r)).as(m.id()).isCloseTo(t.totalValue(), within(1e-7));
        }
    }

    @Test
    void positionWeightsMustAddUpToOneHundred() {
        assertThatThrownBy(() -> new PositionWeights(50, 20, 40)).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("positionWeights").hasMessageContaining("must be 100");
        assertThatThrownBy(() -> new PositionWeights(-10, 70, 40)).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("positionWeights.first");
    }

    @Test
    void settingsRefuseUnknownOrdersAndRepeatedModels() {
        assertThatThrownBy(() -> DEFAULTS.withMarkovOrder(4)).isInstanceOf(InvalidRequest.class).hasMessageContaining("markovOrder");
        assertThatThrownBy(() -> DEFAULTS.withModels(List.of(AttributionModelId.LINEAR, AttributionModelId.LINEAR)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> AttributionModelId.parse("u_shaped", "models[0]")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("models[0]").hasMessageContaining("position_based");
    }
}
