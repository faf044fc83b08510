/**
 * The fact store: events, orders, ad costs, content metrics and customers' facts in a DuckDB
 * file under the data directory, exportable as daily Parquet partitions (the scale-out
 * contract). Offers {@link io.marketops.warehouse.Warehouse}: parameterised SQL reads and
 * bulk appends; every query is scoped by workspace by its caller.
 */
package io.marketops.warehouse;
