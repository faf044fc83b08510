package io.marketops.reports.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A report definition as written in the API and the form; everything but {@code name} and {@code frequency} is
 * optional (defaults: the core KPIs, channel and campaign movers, no targets, the frequency's schedule, zh-CN).
 * A robot whose {@code url} is the masked address shown by the API keeps its stored address and secret.
 */
public record DefinitionRequest(String name, String frequency, List<String> metrics, List<String> breakdowns,
                                Map<String, BigDecimal> targets, List<String> emails, List<RobotRequest> robots,
                                String schedule, String language, Boolean enabled) {

    public record RobotRequest(String kind, String url, String secret) {
    }
}
