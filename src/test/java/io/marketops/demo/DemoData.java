package io.marketops.demo;

import java.time.LocalDate;

/** The default 180-day demo data set, generated once per test run and shared by the tests that read it. */
final class DemoData {
    static final LocalDate END = LocalDate.of(2026, 11, 20);
    static final GeneratorSpec SPEC = GeneratorSpec.of(42, 7, END);

    private static CollectedFacts facts;

    private DemoData() {
    }

    static synchronized CollectedFacts facts() {
        if (facts == null) facts = CollectedFacts.of(SPEC);
        return facts;
    }
}
