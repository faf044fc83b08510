package io.marketops.demo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Generation speed alone (no warehouse): run with {@code -Dgroups=benchmark}. */
@Tag("benchmark")
class DemoGeneratorBenchmarkTests {

    @Test
    void generatesTenMillionEventsWellUnderAMinute() {
        GeneratorSpec spec = GeneratorSpec.of(42, 1, LocalDate.of(2026, 11, 20)).withTargetEvents(10_000_000);
        long started = System.nanoTime();

        Manifest m = new DemoGenerator().generate(spec, Tally.DISCARD);

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("generated %,d events in %.1f s%n", m.counts().events(), seconds);
        assertThat(m.counts().events()).isBetween(9_500_000L, 10_500_000L);
        assertThat(seconds).isLessThan(45);
    }
}
