package io.marketops.attribution.internal;

import io.marketops.attribution.AttributionSettings;
import io.marketops.attribution.ModelResult;
import io.marketops.attribution.PathTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Speed of the models (docs/benchmarks.md): run with
 * {@code mvn -B test -Dgroups=benchmark -DexcludedGroups= -Dtest=AttributionBenchmarkTests}.
 * Each figure is the first (cold) run and the best of the next four.
 */
@Tag("benchmark")
class AttributionBenchmarkTests {
    static final int PATHS = 1_000_000;
    static final int CHANNELS = 12;
    static PathTable million;

    /** 1,000,000 journeys over 12 channels, 1–10 touches (mean ≈ 3.4), about 1 in 5 converting. */
    @BeforeAll
    static void build() {
        SplittableRandom rnd = new SplittableRandom(42);
        PathTable.Builder b = PathTable.builder();
        for (int c = 0; c < CHANNELS; c++) b.channel("channel_" + c);
        for (int i = 0; i < PATHS; i++) {
            int length = 1 + Math.min(9, (int) (-Math.log(1 - rnd.nextDouble()) * 2.4));
            int[] path = new int[length];
            for (int k = 0; k < length; k++) path[k] = Math.min(CHANNELS - 1, (int) (-Math.log(1 - rnd.nextDouble()) * 3));
            boolean converted = rnd.nextInt(5) == 0;
            b.add(path, null, converted ? 1 : 0, converted ? 50 + rnd.nextInt(500) : 0, converted ? 0 : 1);
        }
        million = b.build();
    }

    static double[] time(Supplier<ModelResult> run) {
        long t0 = System.nanoTime();
        ModelResult first = run.get();
        double cold = (System.nanoTime() - t0) / 1e9, best = Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            long t = System.nanoTime();
            ModelResult again = run.get();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
            assertThat(again.channels()).isEqualTo(first.channels());
        }
        assertThat(PathTables.sumConversions(first)).isCloseTo(million.totalConversions(), within(1e-6));
        return new double[]{cold, best};
    }

    @Test
    void firstOrderMarkovOverAMillionPathsOfTwelveChannelsTakesUnderTwoSeconds() {
        double[] s = time(() -> new MarkovModel(1, 400).attribute(million));
        System.out.printf("markov order 1, %,d paths, %d channels: cold %.3f s, best %.3f s%n", PATHS, CHANNELS, s[0], s[1]);
        assertThat(s[0]).isLessThan(2.0);
    }

    @Test
    void exactShapleyForTwelveChannelsOverAMillionPathsTakesUnderTwoSeconds() {
        double[] s = time(() -> new ShapleyModel(15, 10_000, 1).attribute(million));
        ModelResult r = new ShapleyModel(15, 10_000, 1).attribute(million);
        assertThat(r.shapley().method()).isEqualTo("exact");
        System.out.printf("exact shapley, %,d paths, %d channels: cold %.3f s, best %.3f s%n", PATHS, CHANNELS, s[0], s[1]);
        assertThat(s[0]).isLessThan(2.0);
    }

    @Test
    void higherOrdersAndAllModels() {
        for (int order = 2; order <= 3; order++) {
            int o = order;
            double[] s = time(() -> new MarkovModel(o, 400).attribute(million));
            System.out.printf("markov order %d, %,d paths: %,d states, cold %.3f s, best %.3f s%n", order, PATHS,
                    new MarkovModel(o, 400).attribute(million).markov().states(), s[0], s[1]);
        }
        long t0 = System.nanoTime();
        AttributionEngine.run(million, AttributionSettings.defaults(), AttributionProperties.defaults());
        System.out.printf("all eight models, %,d paths: %.3f s%n", PATHS, (System.nanoTime() - t0) / 1e9);
        PathTable data = PathTables.channelAttributionData();
        long t1 = System.nanoTime();
        AttributionEngine.run(data, AttributionSettings.defaults().withMarkovOrder(3), AttributionProperties.defaults());
        System.out.printf("all eight models (Markov order 3), ChannelAttribution Data.csv: %.3f s%n", (System.nanoTime() - t1) / 1e9);
    }

    @Test
    void readingAMillionRowCsv() {
        StringBuilder csv = new StringBuilder(40 * PATHS).append("path;total_conversions;total_conversion_value;total_null\n");
        for (int i = 0; i < PATHS; i++) {
            csv.append(million.pathText(i)).append(';').append(million.conversions(i)).append(';')
                    .append(million.value(i)).append(';').append(million.nulls(i)).append('\n');
        }
        String text = csv.toString();
        long t0 = System.nanoTime();
        PathTable t = PathCsv.read(new StringReader(text), 2_000_000);
        double cold = (System.nanoTime() - t0) / 1e9, best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t1 = System.nanoTime();
            PathCsv.read(new StringReader(text), 2_000_000);
            best = Math.min(best, (System.nanoTime() - t1) / 1e9);
        }
        System.out.printf("CSV of %,d paths (%,d MB): cold %.3f s, best %.3f s%n", PATHS, text.length() >> 20, cold, best);
        assertThat(t.totalConversions()).isEqualTo(million.totalConversions());
    }
}
