package io.marketops.reports.web;

import io.marketops.reports.internal.ReportDefinition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A report definition as the API shows it: robot addresses with their key hidden and secrets never shown. Sending a
 * robot back with the same masked {@code url} keeps its stored address and secret.
 */
record DefinitionView(long id, String name, String frequency, List<String> metrics, List<String> breakdowns, Map<String, BigDecimal> targets,
                      List<String> emails, List<RobotView> robots, String schedule, String language, boolean enabled, Instant nextRunAt,
                      String createdBy, Instant createdAt) {

    record RobotView(String kind, String url, boolean secretSet) {
    }

    static DefinitionView of(ReportDefinition d) {
        return new DefinitionView(d.id(), d.name(), d.frequency().id(), d.metrics(), d.breakdowns(), d.targets(), d.emails(),
                d.robots().stream().map(r -> new RobotView(r.kind().id(), r.maskedUrl(), r.secret() != null)).toList(), d.schedule(),
                d.language(), d.enabled(), d.nextRunAt(), d.createdBy(), d.createdAt());
    }
}
