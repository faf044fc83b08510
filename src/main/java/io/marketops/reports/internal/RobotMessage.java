package io.marketops.reports.internal;

import io.marketops.reports.internal.ReportContent.Kpi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a group robot posts: the title, the narrative and the KPI lines as Markdown, and a link to the full report
 * when MarketOps' public address is configured. Cut to fit WeCom's 4,096-byte limit (the smallest of the three).
 */
record RobotMessage(String title, String markdown) {
    static final int MAX_BYTES = 4000;

    static RobotMessage of(ReportContent c, Texts t, String link) {
        List<String> lines = new ArrayList<>();
        lines.add(t.get("meta.range", c.from(), c.to()));
        lines.add("");
        c.narrative().forEach(s -> lines.add("> " + s));
        lines.add("");
        lines.add("**" + t.get("section.kpis") + "**");
        for (Kpi k : c.kpis()) {
            lines.add("- " + t.get("robot.kpi", k.name(), t.value(k.value(), k.unit()), t.change(k.change()), t.change(k.yearChange())));
        }
        String tail = link == null ? "" : "\n\n[" + t.get("robot.open") + "](" + link + ")";
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            String next = body + line + "\n";
            if ((next + tail).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) break;
            body.append(line).append('\n');
        }
        return new RobotMessage(c.title(), body.toString().stripTrailing() + tail);
    }

    /** With the title as a Markdown heading, for robots whose message has no separate title (WeCom, DingTalk). */
    String withHeading() {
        return "### " + title + "\n" + markdown;
    }
}
