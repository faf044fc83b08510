package io.marketops.reports.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.core.WorkspaceId;
import io.marketops.metrics.MetricCatalog;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a definition request and fills its defaults; every refusal names the field and why. */
final class DefinitionRules {
    static final List<String> DEFAULT_METRICS = List.of("uv", "orders", "gmv", "cost", "roas", "cvr", "aov", "new_users");
    static final List<String> DEFAULT_BREAKDOWNS = List.of("channel", "campaign");
    static final Set<String> BREAKDOWNS = Set.of("channel", "campaign", "content", "platform");
    static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    static final int MAX_METRICS = 12, MAX_EMAILS = 50, MAX_ROBOTS = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private DefinitionRules() {
    }

    /** The definition the request describes (id 0); {@code existing} robots keep their address and secret when the masked address is sent back. */
    static ReportDefinition check(WorkspaceId ws, DefinitionRequest r, MetricCatalog catalog, List<Robot> existing) {
        if (r == null) throw new InvalidRequest(null, "send a report definition as JSON");
        String name = r.name() == null ? "" : r.name().trim();
        if (name.isEmpty()) throw new InvalidRequest("name", "is required, e.g. 月度经营报告");
        if (name.length() > 100) throw new InvalidRequest("name", "at most 100 characters, was " + name.length());
        Frequency frequency = Frequency.parse(r.frequency());
        List<String> metrics = metrics(ws, r.metrics() == null || r.metrics().isEmpty() ? DEFAULT_METRICS : r.metrics(), catalog);
        List<String> breakdowns = breakdowns(r.breakdowns() == null ? DEFAULT_BREAKDOWNS : r.breakdowns());
        Map<String, BigDecimal> targets = targets(r.targets() == null ? Map.of() : r.targets(), metrics);
        List<String> emails = emails(r.emails() == null ? List.of() : r.emails());
        List<Robot> robots = robots(r.robots() == null ? List.of() : r.robots(), existing);
        String schedule = r.schedule() == null || r.schedule().isBlank() ? frequency.defaultSchedule() : r.schedule().trim().replaceAll("\\s+", " ");
        Schedules.parse("schedule", schedule);
        String language = r.language() == null || r.language().isBlank() ? "zh-CN" : r.language().trim();
        if (language.equalsIgnoreCase("zh") || language.equalsIgnoreCase("zh_CN") || language.equalsIgnoreCase("zh-cn")) language = "zh-CN";
        if (!LANGUAGES.contains(language)) throw new InvalidRequest("language", "must be zh-CN or en, was '" + r.language() + "'");
        return new ReportDefinition(0, ws, name, frequency, metrics, breakdowns, targets, emails, robots, schedule, language,
                r.enabled() == null || r.enabled(), null, null, Instant.EPOCH);
    }

    private static List<String> metrics(WorkspaceId ws, List<String> ids, MetricCatalog catalog) {
        if (ids.size() > MAX_METRICS) throw new InvalidRequest("metrics", "at most " + MAX_METRICS + " metrics per report, was " + ids.size());
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.get(k) == null ? "" : ids.get(k).trim();
            if (catalog.find(ws, id).isEmpty()) {
                throw new InvalidRequest("metrics[" + k + "]", "unknown metric '" + id + "'; GET /api/v1/metrics lists the metric ids of this workspace");
            }
            if (!out.add(id)) throw new InvalidRequest("metrics[" + k + "]", "'" + id + "' is named twice");
        }
        return List.copyOf(out);
    }

    private static List<String> breakdowns(List<String> dims) {
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < dims.size(); k++) {
            String d = dims.get(k) == null ? "" : dims.get(k).trim();
            if (!BREAKDOWNS.contains(d)) throw new InvalidRequest("breakdowns[" + k + "]", "must be channel, campaign, content or platform, was '" + d + "'");
            if (!out.add(d)) throw new InvalidRequest("breakdowns[" + k + "]", "'" + d + "' is named twice");
        }
        return List.copyOf(out);
    }

    private static Map<String, BigDecimal> targets(Map<String, BigDecimal> targets, List<String> metrics) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (var e : targets.entrySet()) {
            String field = "targets." + e.getKey();
            if (!metrics.contains(e.getKey())) throw new InvalidRequest(field, "a target needs its metric in the report's metrics " + metrics);
            if (e.getValue() == null || e.getValue().signum() <= 0) throw new InvalidRequest(field, "must be a number above 0, was " + e.getValue());
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static List<String> emails(List<String> emails) {
        if (emails.size() > MAX_EMAILS) throw new InvalidRequest("emails", "at most " + MAX_EMAILS + " addresses, was " + emails.size());
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < emails.size(); k++) {
            String e = emails.get(k) == null ? "" : emails.get(k).trim();
            if (!EMAIL.matcher(e).matches() || e.length() > 254) throw new InvalidRequest("emails[" + k + "]", "'" + e + "' is not an e-mail address");
            out.add(e);
        }
        return List.copyOf(out);
    }

    private static List<Robot> robots(List<DefinitionRequest.RobotRequest> robots, List<Robot> existing) {
        if (robots.size() > MAX_ROBOTS) throw new InvalidRequest("robots", "at most " + MAX_ROBOTS + " robots, was " + robots.size());
        List<Robot> out = new ArrayList<>();
        for (int k = 0; k < robots.size(); k++) {
            var r = robots.get(k);
            String field = "robots[" + k + "]";
            if (r == null) throw new InvalidRequest(field, "must be {\"kind\":\"dingtalk\",\"url\":\"https://…\",\"secret\":\"SEC…\"}");
            Robot.Kind kind = Robot.Kind.parse(field + ".kind", r.kind());
            String url = r.url() == null ? "" : r.url().trim();
            Robot kept = existing.stream().filter(x -> x.kind() == kind && x.maskedUrl().equals(url)).findFirst().orElse(null);
            if (kept != null) {
                out.add(r.secret() == null || r.secret().isBlank() ? kept : new Robot(kind, kept.url(), r.secret().trim()));
                continue;
            }
            requireWebhook(field + ".url", url);
            String secret = r.secret() == null || r.secret().isBlank() ? null : r.secret().trim();
            if (secret != null && secret.length() > 200) throw new InvalidRequest(field + ".secret", "at most 200 characters");
            out.add(new Robot(kind, url, secret));
        }
        return List.copyOf(out);
    }

    private static void requireWebhook(String field, String url) {
        try {
            URI u = URI.create(url);
            if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) throw new IllegalArgumentException();
            if (url.length() > 1000) throw new InvalidRequest(field, "at most 1000 characters");
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field, "'" + url + "' is not an http(s) webhook address such as https://oapi.dingtalk.com/robot/send?access_token=…");
        }
    }
}
