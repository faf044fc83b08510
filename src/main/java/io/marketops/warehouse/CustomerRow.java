package io.marketops.warehouse;

import java.time.Instant;

/**
 * Non-identifying customer facts in {@code customers} for analysis (segments, cohorts, RFM).
 * Names, phones and e-mails are PII and never stored here.
 */
public record CustomerRow(long workspaceId, String customerId, Instant firstSeen, String acquisitionChannel,
                          String city, String gender, String ageBand, String tier) {
}
