/**
 * The fact store: events, orders, ad costs, content metrics and customers' facts in a DuckDB
 * file under the data directory, exportable as daily Parquet partitions (the scale-out
 * contract). Owns the schema files under {@code warehouse/schema}, the native tables and the
 * landing zone of events: {@code events} is a view over the native {@code events_stored} and the
 * Parquet files live collection lands in {@code <warehouse>/landing}, absorbed into the table when
 * collection pauses. Offers {@link io.marketops.warehouse.Warehouse}: parameterised SQL reads,
 * bulk appends, {@link io.marketops.warehouse.EventBatch landing of events}, Parquet export; and
 * announces {@link io.marketops.warehouse.EventsAppended} after each committed append or landing.
 * Every query is scoped by workspace by its caller.
 */
package io.marketops.warehouse;
