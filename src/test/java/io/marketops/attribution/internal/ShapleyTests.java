package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionModelId;
import io.marketops.attribution.ChannelCredit;
import io.marketops.attribution.ModelResult;
import io.marketops.attribution.PathTable;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static io.marketops.attribution.internal.PathTables.credit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShapleyTests {

    /**
     * With v(S) = conversions of paths whose channel set ⊆ S, each path is a unanimity game of its
     * channels, whose Shapley value gives every member an equal share: φ(c) = Σ conversions / |set|.
     */
    static double[][] closedForm(PathTable t) {
        double[][] out = {new double[t.channelCount()], new double[t.channelCount()]};
        for (int i = 0; i < t.size(); i++) {
            int[] set = Arrays.stream(t.path(i)).distinct().toArray();
            for (int c : set) {
                out[0][c] += (double) t.conversions(i) / set.length;
                out[1][c] += t.value(i) / set.length;
            }
        }
        return out;
    }

    @Test
    void exactValuesOnChannelAttributionDataEqualTheClosedForm() {
        PathTable t = PathTables.channelAttributionData();
        ModelResult r = PathTables.run(t, AttributionModelId.SHAPLEY);
        double[][] expected = closedForm(t);
        assertThat(r.shapley().method()).isEqualTo("exact");
        assertThat(r.shapley().players()).isEqualTo(12);
        for (int c = 0; c < t.channelCount(); c++) {
            ChannelCredit got = credit(r, t.channels().get(c));
            assertThat(got.conversions()).as(got.channel()).isCloseTo(expected[0][c], within(1e-8));
            assertThat(got.value()).as(got.channel()).isCloseTo(expected[1][c], within(1e-8));
        }
        assertThat(PathTables.sumConversions(r)).isCloseTo(19_785, within(1e-8));
    }

    @Test
    void exactValuesOfATinyGameMatchHandComputation() {
        // v({a}) = 2, v({b}) = 0, v({a,b}) = 2 + 4 → φa = (2 + (6 − 0)) / 2 = 4, φb = (0 + (6 − 2)) / 2 = 2
        PathTable t = PathTable.builder().add("a", 2, 0, 3).add("b > a > b", 4, 0, 0).build();
        ModelResult r = PathTables.run(t, AttributionModelId.SHAPLEY);
        assertThat(credit(r, "a").conversions()).isCloseTo(4, within(1e-12));
        assertThat(credit(r, "b").conversions()).isCloseTo(2, within(1e-12));
    }

    @Test
    void channelsOnlyInPathsWithoutConversionsEarnNothing() {
        PathTable t = PathTable.builder().add("a > b", 4, 40, 0).add("c > a", 0, 0, 9).build();
        ModelResult r = PathTables.run(t, AttributionModelId.SHAPLEY);
        assertThat(credit(r, "c").conversions()).isZero();
        assertThat(r.shapley().players()).isEqualTo(2);
    }

    @Test
    void beyondTheExactLimitSampledValuesLieWithinTheirStatedErrorAndAddUp() {
        PathTable t = randomTable(18, 4_000, 7);
        ModelResult r = PathTables.run(t, AttributionModelId.SHAPLEY);
        assertThat(r.shapley().method()).isEqualTo("sampled");
        assertThat(r.shapley().samples()).isEqualTo(10_000);
        double[][] expected = closedForm(t);
        for (int c = 0; c < t.channelCount(); c++) {
            String name = t.channels().get(c);
            double se = r.shapley().standardErrors().get(name);
            assertThat(se).as(name).isPositive();
            assertThat(credit(r, name).conversions()).as(name + " ± " + se).isCloseTo(expected[0][c], within(5 * se));
        }
        // every ordering hands out exactly the total
        assertThat(PathTables.sumConversions(r)).isCloseTo(t.totalConversions(), within(1e-6));
    }

    @Test
    void exactEnumerationHandlesTwentyChannels() {
        PathTable t = randomTable(20, 2_000, 3);
        double[][] phi = ExactShapley.compute(Coalitions.of(t));
        double[][] expected = closedForm(t);
        Coalitions co = Coalitions.of(t);
        for (int p = 0; p < co.players; p++) {
            assertThat(phi[0][p]).isCloseTo(expected[0][co.channelOfPlayer[p]], within(1e-8));
        }
    }

    static PathTable randomTable(int channels, int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PathTable.Builder b = PathTable.builder();
        for (int c = 0; c < channels; c++) b.channel("ch" + c);
        for (int i = 0; i < rows; i++) {
            int[] path = new int[1 + rnd.nextInt(5)];
            for (int k = 0; k < path.length; k++) path[k] = rnd.nextInt(channels);
            long conv = rnd.nextInt(4);
            b.add(path, null, conv, conv * (10 + rnd.nextInt(90)), rnd.nextInt(3));
        }
        return b.build();
    }
}
