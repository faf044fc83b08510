package io.marketops.collect;

import java.time.Instant;

/**
 * A workspace's collection counts since records began.
 *
 * @param received    events in request bodies that parsed (stored + duplicates + rejected)
 * @param stored      events of the workspace queryable in the warehouse's {@code events} table
 * @param duplicates  valid events whose messageId was already stored (acknowledged, not stored again)
 * @param rejected    invalid events, kept in the quarantine
 * @param lastEventAt when the last event was received, or null
 */
public record IngestionStats(long received, long stored, long duplicates, long rejected, Instant lastEventAt) {
}
