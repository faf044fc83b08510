package io.marketops.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GeneratorSpecTests {
    private static final LocalDate END = LocalDate.of(2026, 11, 20);

    @Test
    void defaultsTo180DaysInShanghaiAtDemoSize() {
        GeneratorSpec spec = GeneratorSpec.of(42, 1, END);

        assertThat(spec.days()).isEqualTo(180);
        assertThat(spec.zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(spec.targetEvents()).isZero();
        assertThat(spec.from()).isEqualTo(LocalDate.of(2026, 5, 25));
    }

    @Test
    void rejectsSpecsItCannotGenerate() {
        assertThatIllegalArgumentException().isThrownBy(() -> GeneratorSpec.of(1, 1, END).withDays(0)).withMessageContaining("days");
        assertThatIllegalArgumentException().isThrownBy(() -> GeneratorSpec.of(1, 0, END)).withMessageContaining("workspaceId");
        assertThatIllegalArgumentException().isThrownBy(() -> GeneratorSpec.of(1, 1, END).withTargetEvents(-1))
                .withMessageContaining("targetEvents");
        assertThatIllegalArgumentException().isThrownBy(() -> GeneratorSpec.of(1, 1, END).withDays(1).withTargetEvents(6_000_000))
                .withMessageContaining("a day");
    }
}
