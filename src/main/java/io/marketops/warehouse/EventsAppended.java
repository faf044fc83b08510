package io.marketops.warehouse;

import java.time.Instant;

/**
 * Events of one workspace were committed to {@code events} by {@link Warehouse#append} (published after the
 * commit, once per workspace and append, in the appending thread). Lets readers that keep derived tables or
 * caches (the metrics engine's daily activity rollup) know which times changed.
 *
 * @param from   the earliest event time ({@code ts}) among the appended events
 * @param to     the latest event time among them
 * @param events how many events were appended
 */
public record EventsAppended(long workspaceId, Instant from, Instant to, long events) {
}
