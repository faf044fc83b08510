package io.marketops.reports.web;

import io.marketops.core.InvalidRequest;
import io.marketops.reports.internal.DefinitionRequest;
import io.marketops.reports.internal.ReportDefinition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definition form's fields: metrics and breakdowns as checkboxes, targets as "metric=value" lines, e-mails one per
 * line, robots as "kind url [secret]" lines (the masked address keeps a stored robot).
 */
record ReportForm(String name, String frequency, List<String> metrics, List<String> breakdowns, String targets, String emails, String robots,
                  String schedule, String language, Boolean enabled) {

    static ReportForm empty() {
        return new ReportForm("", "monthly", List.of("uv", "orders", "gmv", "cost", "roas", "cvr", "aov", "new_users"), List.of("channel", "campaign"),
                "", "", "", "", "zh-CN", true);
    }

    static ReportForm of(ReportDefinition d) {
        StringBuilder t = new StringBuilder(), r = new StringBuilder();
        d.targets().forEach((k, v) -> t.append(k).append('=').append(v.toPlainString()).append('\n'));
        d.robots().forEach(x -> r.append(x.kind().id()).append(' ').append(x.maskedUrl()).append('\n'));
        return new ReportForm(d.name(), d.frequency().id(), d.metrics(), d.breakdowns(), t.toString(), String.join("\n", d.emails()), r.toString(),
                d.schedule(), d.language(), d.enabled());
    }

    DefinitionRequest request() {
        Map<String, BigDecimal> targetMap = new LinkedHashMap<>();
        int n = 0;
        for (String line : lines(targets, "[\\r\\n]+")) {
            n++;
            String[] kv = line.split("[=:：\\s]+", 2);
            try {
                targetMap.put(kv[0].trim(), new BigDecimal(kv[1].trim().replace(",", "")));
            } catch (RuntimeException e) {
                throw new InvalidRequest("targets", "line " + n + " '" + line + "' must read metric=value, e.g. gmv=1000000");
            }
        }
        List<DefinitionRequest.RobotRequest> robotList = new ArrayList<>();
        n = 0;
        for (String line : lines(robots, "[\\r\\n]+")) {
            n++;
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 2) throw new InvalidRequest("robots", "line " + n + " must read: kind url [secret], e.g. dingtalk https://oapi.dingtalk.com/robot/send?access_token=… SEC…");
            robotList.add(new DefinitionRequest.RobotRequest(parts[0], parts[1], parts.length > 2 ? parts[2] : null));
        }
        return new DefinitionRequest(name, frequency, metrics, breakdowns == null ? List.of() : breakdowns, targetMap, lines(emails, "[\\r\\n,;，；\\s]+"), robotList,
                schedule, language, Boolean.TRUE.equals(enabled));
    }

    private static List<String> lines(String text, String separators) {
        if (text == null) return List.of();
        return Arrays.stream(text.split(separators)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
