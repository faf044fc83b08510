package io.marketops.attribution.internal;

import io.marketops.attribution.ModelResult;
import io.marketops.attribution.PathTable;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.marketops.attribution.internal.PathTables.credit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MarkovModelTests {

    @Test
    void consecutiveRepeatsOfAChannelAreCollapsed() {
        PathTable t = PathTable.builder().add("a > a > a > b", 1, 0, 1).build();
        Map<String, Map<String, Double>> tr = PathTables.markov(t, 1).markov().transitions();
        assertThat(tr.get("a")).containsOnlyKeys("b");
        assertThat(tr.get("b")).containsOnlyKeys("(conversion)", "(null)");
    }

    @Test
    void higherOrderStatesAreWindowsOfTheRawPathWithEqualNeighboursCollapsed() {
        // A > B > A > B > B > A has windows AB BA AB BB BA at order 2 (as ChannelAttribution builds them)
        ModelResult r = PathTables.markov(PathTables.resource("pychattr_readme_example.csv"), 2);
        Map<String, Map<String, Double>> tr = r.markov().transitions();
        assertThat(tr.get("(start)")).containsOnlyKeys("A > B", "A > A");
        assertThat(tr.get("B > B")).containsOnlyKeys("B > A");
        assertThat(r.markov().states()).isEqualTo(4);
        // derived by hand and by reference_values.py: A is on every path, B on two of three paths' states
        assertThat(r.markov().removalEffects().get("A")).isCloseTo(1.0, within(1e-15));
        assertThat(r.markov().removalEffects().get("B")).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void aPathShorterThanTheOrderIsOneState() {
        ModelResult r = PathTables.markov(PathTables.resource("c1c2c3_example.csv"), 3);
        assertThat(r.markov().transitions().get("(start)")).containsOnlyKeys("c1 > c2 > c3", "c1", "c2 > c3");
        assertThat(r.markov().removalEffects()).containsExactlyInAnyOrderEntriesOf(Map.of("c1", 1.0, "c2", 1.0, "c3", 1.0));
    }

    @Test
    void iterativeSolverAgreesWithEliminationOnTheThirdOrderChain() {
        MarkovChain chain = MarkovChain.build(PathTables.channelAttributionData(), 3);
        for (int c = -1; c < 4; c++) { // the base chain and the removal of four channels (13 eliminations take seconds)
            boolean[] removed = new boolean[chain.states];
            if (c >= 0) for (int s : chain.statesOfChannel[c]) removed[s] = true;
            var lu = AbsorptionSolver.solve(chain, removed, 5000);
            var gs = AbsorptionSolver.solve(chain, removed, 1);
            assertThat(lu.method()).isEqualTo("dense-lu");
            assertThat(gs.method()).isEqualTo("gauss-seidel");
            assertThat(gs.conversion()).as("channel " + c).isCloseTo(lu.conversion(), within(1e-13));
            assertThat(gs.value()).as("channel " + c).isCloseTo(lu.value(), within(1e-13));
        }
    }

    @Test
    void withoutNullsEveryJourneyConverts() {
        PathTable t = PathTable.builder().add("a > b", 3, 30, 0).add("b", 1, 10, 0).build();
        ModelResult r = PathTables.markov(t, 1);
        assertThat(r.markov().conversionProbability()).isCloseTo(1, within(1e-15));
        // without a: only the b-only journeys (1 of 4) convert; without b nothing does
        assertThat(r.markov().removalEffects().get("a")).isCloseTo(0.75, within(1e-15));
        assertThat(r.markov().removalEffects().get("b")).isCloseTo(1, within(1e-15));
    }

    @Test
    void valueRemovalEffectsWeighConversionsByTheirValue() {
        // a-paths convert cheaply, b-paths expensively: removing b loses most of the value
        PathTable t = PathTable.builder().add("a", 9, 90, 1).add("b", 1, 910, 9).build();
        ModelResult r = PathTables.markov(t, 1);
        assertThat(r.markov().removalEffects().get("a")).isCloseTo(0.9, within(1e-15));
        assertThat(r.markov().valueRemovalEffects().get("b")).isCloseTo(0.91, within(1e-15));
        assertThat(credit(r, "a").conversions()).isCloseTo(9, within(1e-12));
        assertThat(credit(r, "b").value()).isCloseTo(910, within(1e-9));
    }

    @Test
    void rowsWithNeitherConversionsNorNullsAddNothing() {
        PathTable with = PathTable.builder().add("a > b", 1, 0, 1).add("b > c > a", 0, 0, 0).build();
        PathTable without = PathTable.builder().add("a > b", 1, 0, 1).build();
        ModelResult r = PathTables.markov(with, 1);
        assertThat(r.markov().removalEffects().get("a")).isEqualTo(PathTables.markov(without, 1).markov().removalEffects().get("a"));
        assertThat(r.markov().removalEffects().get("c")).isZero();
        assertThat(credit(r, "c").conversions()).isZero();
    }

    @Test
    void nothingConvertingGivesZeroEverywhere() {
        PathTable t = PathTable.builder().add("a > b", 0, 0, 5).build();
        ModelResult r = PathTables.markov(t, 2);
        assertThat(r.markov().conversionProbability()).isZero();
        assertThat(r.channels()).allSatisfy(c -> assertThat(c.conversions()).isZero());
    }
}
