/**
 * Live event collection: the Segment-compatible tracking API ({@code /v1/*}) with write keys,
 * the durable, deduplicating append path into the warehouse's {@code events} table, the
 * quarantine of invalid events, sessions, marketing channels and identity stitching, and the
 * browser snippet {@code /js/marketops.js}; also the daily Parquet partitions of {@code events}
 * ({@code <data dir>/warehouse/parquet/events/workspace_id=N/day=…}, exported hourly and compacted). Offers {@link io.marketops.collect.Channels} (the one
 * channel definition every report uses), {@link io.marketops.collect.Identities} (who is who;
 * the warehouse table {@code identities} and view {@code event_people}) and
 * {@link io.marketops.collect.Ingestion} (counts since records began). Uses: workspace, warehouse, runtime, core.
 */
package io.marketops.collect;
