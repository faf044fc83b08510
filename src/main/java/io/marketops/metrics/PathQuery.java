package io.marketops.metrics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The most common paths after (or before) an event: for each person, their first {@code event}
 * inside local days {@code from..to} is the anchor; the path is the next (or previous) {@code steps}
 * track, page or screen events within {@code window} of it, with immediate repeats collapsed.
 * A page or screen is named by its name, else its path.
 */
public record PathQuery(String event, List<Filter> filters, Direction direction, int steps, Duration window,
                        LocalDate from, LocalDate to, int top) {
    public PathQuery {
        filters = filters == null ? List.of() : List.copyOf(filters);
        if (direction == null) direction = Direction.AFTER;
    }

    public enum Direction { AFTER, BEFORE }
}
