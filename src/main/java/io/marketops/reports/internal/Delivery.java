package io.marketops.reports.internal;

import java.time.Instant;

/**
 * One report run sent to one recipient, as the delivery log shows it.
 *
 * @param channel email, wecom, dingtalk or feishu
 * @param target  the address, or the webhook with its key hidden
 * @param status  pending (waiting for its next attempt), sent or failed (gave up)
 */
public record Delivery(long id, long runId, String channel, String target, String status, int attempts, Instant nextAttemptAt,
                       String lastError, String requestedBy, Instant createdAt, Instant sentAt) {

    /** What the sender needs besides the log entry: the full webhook address and its signing secret. */
    record Job(Delivery delivery, long workspaceId, String address, String secret) {
    }
}
