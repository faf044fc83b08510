package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.AttributionSettings;
import io.marketops.attribution.ModelResult;
import io.marketops.attribution.PathTable;
import io.marketops.attribution.PositionWeights;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.marketops.attribution.internal.PathTables.credit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The small path tables of ../shared/data/channelattribution/small-examples, with their published or hand-derived results. */
class PublishedExamplesTests {

    @Test
    void pychattrReadmeExampleHasRemovalEffectsOneAndAHalf() {
        // A > B > A > B > B > A, A > B > B > A > A, A > A: one conversion each, no nulls
        ModelResult r = PathTables.markov(PathTables.resource("pychattr_readme_example.csv"), 1);
        assertThat(r.markov().removalEffects()).containsExactlyInAnyOrderEntriesOf(Map.of("A", 1.0, "B", 0.5));
        assertThat(credit(r, "A").conversions()).isCloseTo(2.0, within(1e-12));
        assertThat(credit(r, "B").conversions()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void blogExampleHasThePublishedTransitionProbabilities() {
        ModelResult r = PathTables.markov(PathTables.resource("puzyrov_blog_example.csv"), 1);
        Map<String, Map<String, Double>> t = r.markov().transitions();
        assertThat(t.get("(start)").get("google ads")).isCloseTo(0.8, within(1e-12));
        assertThat(t.get("google ads").get("(conversion)")).isCloseTo(0.5, within(1e-12));
        assertThat(t.get("google ads").get("mailing")).isCloseTo(0.25, within(1e-12));
        assertThat(t.get("google ads").get("(null)")).isCloseTo(0.25, within(1e-12));
        // P(conv) = 0.8·(0.5 + 0.25·1) + 0.2·1 = 0.8; without google ads 0.2, without mailing 0.4
        assertThat(r.markov().conversionProbability()).isCloseTo(0.8, within(1e-12));
        assertThat(r.markov().removalEffects().get("google ads")).isCloseTo(0.75, within(1e-12));
        assertThat(r.markov().removalEffects().get("mailing")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void c1c2c3ToyConvertsWithProbabilityOneThird() {
        PathTable t = PathTables.resource("c1c2c3_example.csv");
        ModelResult r = PathTables.markov(t, 1);
        assertThat(r.markov().conversionProbability()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(r.markov().removalEffects().get("c1")).isCloseTo(0.5, within(1e-15));
        assertThat(r.markov().removalEffects().get("c2")).isCloseTo(1.0, within(1e-15));
        assertThat(r.markov().removalEffects().get("c3")).isCloseTo(1.0, within(1e-15));
        // 1 conversion worth 1000 split 0.5 : 1 : 1
        assertThat(credit(r, "c1").conversions()).isCloseTo(0.2, within(1e-15));
        assertThat(credit(r, "c2").value()).isCloseTo(400, within(1e-12));
    }

    @Test
    void eeghorHeuristicFixtureMatchesItsUnitTests() {
        PathTable t = PathTables.resource("eeghor_mta_heuristic_fixture.csv");
        ModelResult first = PathTables.run(t, AttributionModelId.FIRST_TOUCH);
        ModelResult last = PathTables.run(t, AttributionModelId.LAST_TOUCH);
        ModelResult linear = PathTables.run(t, AttributionModelId.LINEAR);
        ModelResult position = PathTables.run(t, AttributionSettings.defaults().withModels(List.of(AttributionModelId.POSITION_BASED)));
        assertThat(credits(first)).containsExactlyInAnyOrderEntriesOf(Map.of("direct", 2.0, "search", 8.0, "email", 0.0, "social", 0.0));
        assertThat(credits(last)).containsExactlyInAnyOrderEntriesOf(Map.of("direct", 2.0, "search", 0.0, "email", 8.0, "social", 0.0));
        assertThat(credit(linear, "direct").conversions()).isCloseTo(2, within(1e-12));
        assertThat(credit(linear, "search").conversions()).isCloseTo(19.0 / 6, within(1e-12));
        assertThat(credit(linear, "email").conversions()).isCloseTo(19.0 / 6, within(1e-12));
        assertThat(credit(linear, "social").conversions()).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(credit(position, "direct").conversions()).isCloseTo(2, within(1e-12));
        assertThat(credit(position, "search").conversions()).isCloseTo(3.5, within(1e-12));
        assertThat(credit(position, "email").conversions()).isCloseTo(3.5, within(1e-12));
        assertThat(credit(position, "social").conversions()).isCloseTo(1, within(1e-12));
    }

    @Test
    void eeghorMarkovFixtureHasItsTransitionsAndHandDerivedRemovalEffects() {
        ModelResult r = PathTables.markov(PathTables.resource("eeghor_mta_markov_fixture.csv"), 1);
        Map<String, Map<String, Double>> t = r.markov().transitions();
        assertThat(t.get("(start)")).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1.0));
        assertThat(t.get("a").get("b")).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(t.get("a").get("c")).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(t.get("b").get("(conversion)")).isCloseTo(0.75, within(1e-15));
        assertThat(t.get("b").get("(null)")).isCloseTo(0.25, within(1e-15));
        assertThat(t.get("c").get("(conversion)")).isCloseTo(0.5, within(1e-15));
        // P = 2/3·3/4 + 1/3·1/2 = 2/3; without b: 1/6 → 0.75; without c: 1/2 → 0.25; without a: 0 → 1
        assertThat(r.markov().removalEffects().get("a")).isCloseTo(1, within(1e-15));
        assertThat(r.markov().removalEffects().get("b")).isCloseTo(0.75, within(1e-15));
        assertThat(r.markov().removalEffects().get("c")).isCloseTo(0.25, within(1e-15));
        assertThat(credits(r)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2.0, "b", 1.5, "c", 0.5));
    }

    @Test
    void positionBasedTwoTouchPathsSplitInTheRatioOfFirstToLast() {
        PathTable t = PathTable.builder().add("x > y", 10, 0, 0).build();
        AttributionSettings s = AttributionSettings.defaults().withModels(List.of(AttributionModelId.POSITION_BASED));
        assertThat(credits(PathTables.run(t, s))).containsExactlyInAnyOrderEntriesOf(Map.of("x", 5.0, "y", 5.0));
        AttributionSettings custom = new AttributionSettings(s.models(), 1, 7, new PositionWeights(30, 0, 70), null, 10_000, 1);
        assertThat(credit(PathTables.run(t, custom), "x").conversions()).isCloseTo(3, within(1e-12));
        assertThat(credit(PathTables.run(t, custom), "y").conversions()).isCloseTo(7, within(1e-12));
    }

    static Map<String, Double> credits(ModelResult r) {
        Map<String, Double> m = new java.util.HashMap<>();
        r.channels().forEach(c -> m.put(c.channel(), Math.round(c.conversions() * 1e12) / 1e12));
        return m;
    }
}
