package io.marketops.experiments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.marketops.experiments.ExperimentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle draft → running → stopped → decided and the rules each step guards. */
class ExperimentTests {

    @Test
    void goesThroughTheLifecycleRecordingTimesAndTheDecision() {
        var decided = stopped().decide(Decision.SHIP, "benefit", "orders per visitor +6%, guardrails flat", T0.plusSeconds(8 * 86400));
        assertThat(decided.status()).isEqualTo(ExperimentStatus.DECIDED);
        assertThat(decided.startedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(decided.endedAt()).isEqualTo(T0.plusSeconds(7 * 86400));
        assertThat(decided.shippedVariant()).isEqualTo("benefit");
        assertThat(decided.decisionReason()).startsWith("orders per visitor");
    }

    @Test
    void rejectsStartingTwiceStoppingADraftAndDecidingWhileRunning() {
        assertRejected(() -> running().start(T0), ExperimentRejected.Reason.NOT_A_DRAFT);
        assertRejected(() -> draft().stop(T0), ExperimentRejected.Reason.NOT_RUNNING);
        assertRejected(() -> running().decide(Decision.ROLLBACK, null, "why", T0), ExperimentRejected.Reason.NOT_STOPPED);
    }

    @Test
    void decidesOnlyOnceAndOnlyWithAReason() {
        var decided = stopped().decide(Decision.INCONCLUSIVE, null, "no difference after 2 weeks", T0);
        assertRejected(() -> decided.decide(Decision.SHIP, "benefit", "changed my mind", T0), ExperimentRejected.Reason.ALREADY_DECIDED);
        assertRejected(() -> stopped().decide(Decision.ROLLBACK, null, "  ", T0), ExperimentRejected.Reason.REASON_MISSING);
    }

    @Test
    void shippingNamesATreatmentAndOtherDecisionsNameNone() {
        assertRejected(() -> stopped().decide(Decision.SHIP, null, "better", T0), ExperimentRejected.Reason.SHIPPED_VARIANT_INVALID);
        assertRejected(() -> stopped().decide(Decision.SHIP, "control", "better", T0), ExperimentRejected.Reason.SHIPPED_VARIANT_INVALID);
        assertRejected(() -> stopped().decide(Decision.ROLLBACK, "benefit", "worse", T0), ExperimentRejected.Reason.SHIPPED_VARIANT_INVALID);
    }

    @Test
    void theDesignIsFrozenOnceRunning() {
        var redesigned = draft().redesign(titleTest());
        assertThat(redesigned.status()).isEqualTo(ExperimentStatus.DRAFT);
        assertRejected(() -> running().redesign(titleTest()), ExperimentRejected.Reason.NOT_A_DRAFT);
        assertThat(running().deletable()).isFalse();
        assertThat(draft().deletable()).isTrue();
    }

    @Test
    void weightsAreNormalised() {
        var d = titleTest();
        var uneven = new ExperimentDesign(d.name(), d.hypothesis(), d.owner(),
                List.of(new Variant("control", null, 3), new Variant("b", null, 1)), "orders", null, null);
        var e = draft().redesign(uneven);
        assertThat(e.weights()).containsExactly(0.75, 0.25);
        assertThat(e.control().name()).as("name defaults to the key").isEqualTo("control");
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ExperimentRejected.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ExperimentRejected.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
