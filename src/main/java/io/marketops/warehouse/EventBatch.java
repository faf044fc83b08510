package io.marketops.warehouse;

/**
 * Events staged for the landing zone ({@link Warehouse#startLanding()}): each row is written to a
 * staging file as it is given, so no list of rows is held, then all land together.
 */
public interface EventBatch extends AutoCloseable {
    void event(EventRow row);

    /** Rows staged so far. */
    long size();

    /**
     * Lands the staged events: visible in {@code events} and durable when this returns, all or none;
     * then announces {@link EventsAppended}. Landing an empty batch does nothing.
     */
    void land();

    /** Deletes the staging file; what was not landed is discarded. */
    @Override
    void close();
}
