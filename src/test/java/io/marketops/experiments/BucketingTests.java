package io.marketops.experiments;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Assignment is a pure function of (experiment key, user id, weights): the same on every start
 * and every machine. Checked against the published FNV-1a test vectors and the hash-version-2
 * buckets in GrowthBook's SDK specification (packages/sdk-js/test/cases.json, MIT).
 */
class BucketingTests {

    @Test
    void fnv1a32MatchesThePublishedTestVectors() {
        assertThat(Bucketing.fnv1a32("")).isEqualTo(0x811c9dc5L);
        assertThat(Bucketing.fnv1a32("a")).isEqualTo(0xe40c292cL);
        assertThat(Bucketing.fnv1a32("foobar")).isEqualTo(0xbf9cf968L);
    }

    @Test
    void bucketsMatchGrowthBooksSdkCases() {
        assertThat(Bucketing.bucket("feature", "123")).isEqualTo(0.5231);   // "creates experiments properly"
        assertThat(Bucketing.bucket("experiment", "1")).isEqualTo(0.4413);  // "Support passthrough variations"
        assertThat(Bucketing.bucket("holdout", "1")).isEqualTo(0.8043);     // "Support holdout groups"
    }

    @Test
    void fixedUsersKeepTheirFixedVariants() {
        double[] even = {1, 1};
        assertThat(Bucketing.bucket("title-test", "u1")).isEqualTo(0.5859);
        assertThat(Bucketing.variantIndex("title-test", "u1", even)).isEqualTo(1);
        assertThat(Bucketing.variantIndex("experiment", "1", even)).isEqualTo(0);
        assertThat(Bucketing.bucket("experiment", "用户")).as("Chinese ids hash by UTF-16 code unit").isEqualTo(0.9422);
        assertThat(Bucketing.variantIndex("holdout", "1", new double[]{0.99, 0.01})).isEqualTo(0);
        assertThat(Bucketing.variantIndex("holdout", "1", new double[]{0.8, 0.2})).isEqualTo(1);
    }

    @Test
    void rangesFollowTheNormalisedWeightsAndCoverZeroToOne() {
        double[][] r = Bucketing.ranges(new double[]{2, 1, 1});
        assertThat(r[0]).containsExactly(0, 0.5);
        assertThat(r[1]).containsExactly(0.5, 0.75);
        assertThat(r[2]).containsExactly(0.75, 1.0);
        assertThat(Bucketing.choose(0.9999, r)).isEqualTo(2);
        assertThat(Bucketing.choose(0.5, r)).isEqualTo(1);
    }

    @Test
    void manyUsersSplitInTheirWeights() {
        int[] counts = new int[2];
        int n = 100_000;
        for (int i = 0; i < n; i++) counts[Bucketing.variantIndex("cover-test", "user-" + i, new double[]{3, 1})]++;
        assertThat(counts[0] / (double) n).isCloseTo(0.75, within(0.01));
    }

    @Test
    void experimentsWithSimilarKeysSplitUsersIndependently() {
        int same = 0, n = 20_000;
        for (int i = 0; i < n; i++) {
            String u = "user-" + i;
            if (Bucketing.variantIndex("test-1", u, new double[]{1, 1}) == Bucketing.variantIndex("test-2", u, new double[]{1, 1})) same++;
        }
        assertThat(same / (double) n).isCloseTo(0.5, within(0.02));
    }

    @Test
    void reducedCoverageKeepsEachRangesStartLikeGrowthBooksGetBucketRanges() {
        // GrowthBook SDK spec: getBucketRanges(2, 0.5) = [[0, 0.25], [0.5, 0.75]]; 3 variations [0.2, 0.3, 0.5] at 0.2
        assertRanges(Bucketing.ranges(new double[]{1, 1}, 0.5), new double[][]{{0, 0.25}, {0.5, 0.75}});
        assertRanges(Bucketing.ranges(new double[]{0.2, 0.3, 0.5}, 0.2), new double[][]{{0, 0.04}, {0.2, 0.26}, {0.5, 0.6}});
        assertRanges(Bucketing.ranges(new double[]{1, 1}, 1), new double[][]{{0, 0.5}, {0.5, 1}});
        assertThat(Bucketing.choose(0.3, Bucketing.ranges(new double[]{1, 1}, 0.5))).as("in the gap: not in the experiment").isEqualTo(-1);
        assertThat(Bucketing.choose(0.6, Bucketing.ranges(new double[]{1, 1}, 0.5))).isEqualTo(1);
    }

    @Test
    void raisingTheCoverageKeepsEveryoneAlreadyInTheirVariant() {
        double[] w = {1, 1};
        for (int i = 0; i < 2000; i++) {
            double b = Bucketing.bucket("rollout", "u" + i);
            int low = Bucketing.choose(b, Bucketing.ranges(w, 0.3));
            if (low >= 0) assertThat(Bucketing.choose(b, Bucketing.ranges(w, 0.8))).isEqualTo(low);
        }
    }

    private static void assertRanges(double[][] actual, double[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i][0]).isCloseTo(expected[i][0], org.assertj.core.api.Assertions.within(1e-12));
            assertThat(actual[i][1]).isCloseTo(expected[i][1], org.assertj.core.api.Assertions.within(1e-12));
        }
    }
}
