package io.marketops.reports;

import io.marketops.core.WorkspaceId;
import io.marketops.demo.DemoGenerator;
import io.marketops.demo.GeneratorSpec;
import io.marketops.demo.Manifest;
import io.marketops.reports.internal.DefinitionRequest;
import io.marketops.reports.internal.Period;
import io.marketops.reports.internal.Renderings;
import io.marketops.reports.internal.ReportDefinition;
import io.marketops.reports.internal.ReportDefinitions;
import io.marketops.reports.internal.ReportService;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's speed target: the monthly report of the demo workspace (the full 180-day demo data set, ≈ 750k events)
 * builds in under 3 s. Also times the PDF and XLSX renderings. Figures in docs/benchmarks.md; run with
 * {@code mvn -B test -Dgroups=benchmark -DexcludedGroups= -Dtest=ReportBenchmarkTests}.
 */
@Tag("benchmark")
@IntegrationTest
class ReportBenchmarkTests {
    static final int ROUNDS = 5;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Warehouse warehouse;
    @Autowired
    ReportDefinitions definitions;
    @Autowired
    ReportService service;
    @Autowired
    Renderings renderings;

    @Test
    void monthlyReportOfTheDemoWorkspaceBuildsInUnderThreeSeconds() {
        var ws = workspaces.create("reports-benchmark");
        long load = System.nanoTime();
        Manifest[] m = new Manifest[1];
        warehouse.append(sink -> m[0] = new DemoGenerator().generate(GeneratorSpec.of(42, ws.id(), LocalDate.of(2026, 11, 20)), sink));
        System.out.printf("demo data: %,d events, %,d orders loaded in %d s%n", m[0].counts().events(), m[0].counts().orders(), (System.nanoTime() - load) / 1_000_000_000);
        ReportDefinition d = definitions.create(WorkspaceId.of(ws.id()), new DefinitionRequest("经营月报", "monthly", null,
                List.of("channel", "campaign", "content", "platform"), null, null, null, null, "zh-CN", false), "benchmark");
        Period october = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        List<Long> builds = new ArrayList<>(), cpus = new ArrayList<>(), pdfs = new ArrayList<>(), xlsxs = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int k = 0; k < ROUNDS; k++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            long runId = service.build(d, october, "manual", "benchmark");
            long t1 = System.nanoTime();
            cpus.add((os.getProcessCpuTime() - c0) / 1_000_000);
            var r = renderings.of(WorkspaceId.of(ws.id()), runId);
            byte[] pdf = r.pdf();
            long t2 = System.nanoTime();
            byte[] xlsx = r.xlsx();
            long t3 = System.nanoTime();
            builds.add((t1 - t0) / 1_000_000);
            pdfs.add((t2 - t1) / 1_000_000);
            xlsxs.add((t3 - t2) / 1_000_000);
            System.out.printf("round %d: build %d ms (process CPU %d ms), pdf %d ms (%,d bytes), xlsx %d ms (%,d bytes)%n", k + 1, builds.get(k), cpus.get(k), pdfs.get(k), pdf.length, xlsxs.get(k), xlsx.length);
        }
        System.out.printf("monthly report, median of %d: build %d ms (process CPU %d ms), pdf %d ms, xlsx %d ms; load average %.1f%n", ROUNDS,
                median(builds), median(cpus), median(pdfs), median(xlsxs), os.getSystemLoadAverage());
        assertThat(median(builds)).as("median build of the demo workspace's monthly report, ms").isLessThan(3000);
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
