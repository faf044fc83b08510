package io.marketops.metrics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * A funnel: a person enters with a first-step event inside local days {@code from..to}; the
 * window counts from that entry; each later step must come after the previous one (strict order)
 * — or anywhere after the entry (any order) — and inside the window. A person is counted once, by
 * the entry that gets furthest (the earliest such entry for times and breakdown).
 *
 * @param breakdown optional dimension of the entry event (channel, campaign, … or properties.&lt;name&gt;)
 */
public record FunnelQuery(List<Step> steps, Duration window, LocalDate from, LocalDate to, Order order, String breakdown) {

    public FunnelQuery {
        steps = steps == null ? List.of() : List.copyOf(steps);
        if (order == null) order = Order.STRICT;
    }

    /** @param event the event name (a track event, or a page or screen name) */
    public record Step(String event, List<Filter> filters) {
        public Step {
            filters = filters == null ? List.of() : List.copyOf(filters);
        }

        public static Step of(String event) {
            return new Step(event, List.of());
        }
    }

    public enum Order { STRICT, ANY }
}
