package io.marketops.experiments.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The sample-size and duration calculator: GrowthBook's frequentist power formula, inverted for N. */
class SampleSizeTests {

    @Test
    void powerFollowsGrowthBooksTwoSidedFormula() {
        // μa = 0.1, σ² = 0.09, Δ = 10% → σΔ² = 0.09/N·(1/0.01 + 0.0121/0.0001) = 0.09·221/N
        var q = SampleSize.Question.conversion(0.1, 0.1, 0.05, 0.8, 2, 0);
        long n = 10_000;
        double se = Math.sqrt(0.09 * 221 / n);
        double z = 1.959963984540054;
        double expected = 1 - Distributions.normalCdf(z - 0.1 / se) + Distributions.normalCdf(-z - 0.1 / se);
        assertThat(SampleSize.power(q, n)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void planIsTheSmallestSampleReachingTheTargetPower() {
        var q = SampleSize.Question.conversion(0.05, 0.1, 0.05, 0.8, 2, 5_000);
        var plan = SampleSize.plan(q);
        assertThat(SampleSize.power(q, plan.usersPerVariant())).isGreaterThanOrEqualTo(0.8);
        assertThat(SampleSize.power(q, plan.usersPerVariant() - 1)).isLessThan(0.8);
        assertThat(plan.totalUsers()).isEqualTo(2 * plan.usersPerVariant());
        assertThat(plan.days()).isEqualTo((long) Math.ceil(plan.totalUsers() / 5_000.0));
        // the textbook z-approximation n ≈ (z_{α/2}+z_β)²·σ²(1/μa² + μb²/μa⁴)/Δ² gives the same order
        double textbook = Math.pow(1.959964 + 0.841621, 2) * 0.0475 * (1 / 0.0025 + 0.003025 / 6.25e-6) / 0.01;
        assertThat((double) plan.usersPerVariant()).isCloseTo(textbook, within(textbook * 0.01));
    }

    @Test
    void sequentialTestingAndMoreVariantsNeedMoreTime() {
        var fixed = SampleSize.plan(SampleSize.Question.conversion(0.05, 0.1, 0.05, 0.8, 2, 5_000));
        var threeArms = SampleSize.plan(SampleSize.Question.conversion(0.05, 0.1, 0.05, 0.8, 3, 5_000));
        var seq = SampleSize.plan(new SampleSize.Question(0.05, Math.sqrt(0.05 * 0.95), 0.1, 0.05, 0.8, 2, 5_000, true, 5000));
        assertThat(threeArms.days()).isGreaterThan(fixed.days());
        assertThat(seq.usersPerVariant()).isGreaterThan(fixed.usersPerVariant());
    }

    @Test
    void unknownTrafficGivesUsersButNoDays() {
        var plan = SampleSize.plan(SampleSize.Question.conversion(0.3, 0.05, 0.05, 0.8, 2, 0));
        assertThat(plan.usersPerVariant()).isPositive();
        assertThat(plan.days()).isNull();
    }

    @Test
    void nonsenseQuestionsAreRejectedWithTheFieldNamed() {
        assertThatThrownBy(() -> SampleSize.Question.conversion(0.05, 0, 0.05, 0.8, 2, 0)).hasMessageContaining("relativeLift");
        assertThatThrownBy(() -> SampleSize.Question.conversion(0.05, 0.1, 0.05, 1.2, 2, 0)).hasMessageContaining("power");
        assertThatThrownBy(() -> SampleSize.Question.conversion(0.05, 0.1, 0.05, 0.8, 1, 0)).hasMessageContaining("two variants");
    }
}
