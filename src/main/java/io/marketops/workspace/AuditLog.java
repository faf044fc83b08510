package io.marketops.workspace;

import io.marketops.core.PageQuery;
import io.marketops.core.PageResult;
import io.marketops.core.WorkspaceId;

import java.time.Instant;

/** Who did what, when, from which address: sign-ins, token use, exports, permission changes. */
public interface AuditLog {

    /** Records an action of the current caller (actor and address taken from the request). */
    void record(String action, String target, String details);

    /** Records an action with an explicit actor (sign-in events, start-up). */
    void record(WorkspaceId workspace, String actor, String action, String target, String ip, String details);

    PageResult<AuditEntry> search(WorkspaceId workspace, AuditFilter filter, PageQuery page);

    record AuditEntry(long id, Instant at, String actor, String action, String target, String ip, String details) {
    }

    /** All fields optional; text matches actor, action or target case-insensitively. */
    record AuditFilter(String text, String action, Instant from, Instant to) {
    }
}
