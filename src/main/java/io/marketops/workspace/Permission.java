package io.marketops.workspace;

/**
 * What a role may do, one constant per module action. The authority string is what
 * {@code @PreAuthorize("hasAuthority('…')")} and navigation items name.
 */
public enum Permission {
    WORKSPACE_READ("workspace.read"),
    MEMBERS_MANAGE("members.manage"),
    TOKENS_MANAGE("tokens.manage"),
    AUDIT_READ("audit.read"),
    DATA_READ("data.read"),
    DATA_IMPORT("data.import"),
    DATA_EXPORT("data.export"),
    COLLECT_MANAGE("collect.manage"),
    METRICS_READ("metrics.read"),
    METRICS_MANAGE("metrics.manage"),
    REPORTS_READ("reports.read"),
    REPORTS_MANAGE("reports.manage"),
    EXPERIMENTS_MANAGE("experiments.manage"),
    AUDIENCE_MANAGE("audience.manage"),
    CAMPAIGNS_MANAGE("campaigns.manage"),
    CONTENT_WRITE("content.write"),
    CONTENT_REVIEW("content.review"),
    BUDGET_MANAGE("budget.manage"),
    PARTNERS_MANAGE("partners.manage"),
    LEADS_WORK("leads.work"),
    PII_VIEW("pii.view"),
    /** Ask for a user's experiment variant (and so record an exposure); all a site-embedded token needs. */
    EXPERIMENTS_ASSIGN("experiments.assign");

    private final String authority;

    Permission(String authority) {
        this.authority = authority;
    }

    public String authority() {
        return authority;
    }
}
