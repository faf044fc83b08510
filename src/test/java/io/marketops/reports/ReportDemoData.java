package io.marketops.reports;

import io.marketops.demo.DemoGenerator;
import io.marketops.demo.GeneratorSpec;
import io.marketops.demo.Manifest;
import io.marketops.warehouse.Warehouse;

import java.time.LocalDate;

/** A small demo data set (two months to the end of October 2026, ~60k events) in a test's own workspace. */
final class ReportDemoData {
    static final LocalDate END = LocalDate.of(2026, 10, 31);

    private ReportDemoData() {
    }

    static Manifest fill(Warehouse warehouse, long workspaceId) {
        GeneratorSpec spec = GeneratorSpec.of(42, workspaceId, END).withDays(61).withTargetEvents(60_000);
        Manifest[] m = new Manifest[1];
        warehouse.append(sink -> m[0] = new DemoGenerator().generate(spec, sink));
        return m[0];
    }
}
