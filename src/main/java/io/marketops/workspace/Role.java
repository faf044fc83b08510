package io.marketops.workspace;

import java.util.EnumSet;
import java.util.Set;

import static io.marketops.workspace.Permission.*;

/** The department's roles (ARCHITECTURE.md) and what each may do in a workspace. */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    MARKETING_LEAD(EnumSet.complementOf(EnumSet.of(MEMBERS_MANAGE, TOKENS_MANAGE))),
    CHANNEL_OPERATOR(EnumSet.of(WORKSPACE_READ, DATA_READ, DATA_IMPORT, DATA_EXPORT, COLLECT_MANAGE, METRICS_READ, REPORTS_READ, CAMPAIGNS_MANAGE, CONTENT_WRITE, BUDGET_MANAGE)),
    CONTENT_CREATOR(EnumSet.of(WORKSPACE_READ, DATA_READ, METRICS_READ, REPORTS_READ, CONTENT_WRITE)),
    REVIEWER(EnumSet.of(WORKSPACE_READ, DATA_READ, METRICS_READ, REPORTS_READ, CONTENT_REVIEW, AUDIT_READ)),
    DATA_ANALYST(EnumSet.of(WORKSPACE_READ, DATA_READ, DATA_IMPORT, DATA_EXPORT, METRICS_READ, METRICS_MANAGE, REPORTS_READ, REPORTS_MANAGE, EXPERIMENTS_MANAGE)),
    USER_OPS(EnumSet.of(WORKSPACE_READ, DATA_READ, DATA_EXPORT, METRICS_READ, REPORTS_READ, AUDIENCE_MANAGE, PII_VIEW)),
    PARTNERSHIP_MANAGER(EnumSet.of(WORKSPACE_READ, DATA_READ, METRICS_READ, REPORTS_READ, PARTNERS_MANAGE)),
    SALES_REP(EnumSet.of(WORKSPACE_READ, LEADS_WORK, PII_VIEW)),
    VIEWER(EnumSet.of(WORKSPACE_READ, DATA_READ, METRICS_READ, REPORTS_READ)),
    /** For a token embedded in a website or app: it may only ask for experiment assignments, never read data. */
    EXPERIMENT_CLIENT(EnumSet.of(EXPERIMENTS_ASSIGN));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean may(Permission p) {
        return permissions.contains(p);
    }

    /** Parses a role name as written in the API ({@code data_analyst}) or the enum constant. */
    public static Role parse(String name) {
        if (name == null) throw new io.marketops.core.InvalidRequest("role", "is required");
        try {
            return Role.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.marketops.core.InvalidRequest("role", "'" + name + "' is not a role; use one of "
                    + java.util.Arrays.stream(values()).map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).toList());
        }
    }
}
