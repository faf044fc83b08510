package io.marketops.reports.internal;

import io.marketops.core.WorkspaceId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a report shows and to whom it goes.
 *
 * @param metrics    catalog metric ids, in KPI-table order; the first ones lead the narrative and the charts
 * @param breakdowns dimensions for top movers: channel, campaign, content, platform
 * @param targets    metric id → target for one period of the report (e.g. a month's GMV)
 * @param schedule   5-field cron in the workspace time zone, e.g. {@code 0 9 * * MON}
 * @param language   zh-CN or en: the language the report is written in, whatever the reader's UI language
 * @param nextRunAt  the next scheduled build, null while disabled
 */
public record ReportDefinition(long id, WorkspaceId workspace, String name, Frequency frequency, List<String> metrics,
                               List<String> breakdowns, Map<String, BigDecimal> targets, List<String> emails, List<Robot> robots,
                               String schedule, String language, boolean enabled, Instant nextRunAt, String createdBy,
                               Instant createdAt) {

    public boolean hasRecipients() {
        return !emails.isEmpty() || !robots.isEmpty();
    }
}
