package io.marketops.metrics.internal;

/** Where a measure's rows come from; each source is one SQL statement per query. */
enum Source {
    /** Page, screen and track events. */
    EVENTS,
    /** Sessions: the collector's session id, else 30 minutes of inactivity per person. */
    SESSIONS,
    /** People active (track, page or screen) per local day, with trailing 7- and 30-day windows. */
    ACTIVITY,
    /** People by the local day of their first event ever: new users, N-day retention, cohort LTV. */
    COHORT,
    ORDERS,
    ADS,
    CONTENT;

    /** What the fact is called in messages. */
    String label() {
        return switch (this) {
            case ORDERS -> "orders";
            case ADS -> "ad costs";
            case CONTENT -> "content metrics";
            default -> "events";
        };
    }
}
