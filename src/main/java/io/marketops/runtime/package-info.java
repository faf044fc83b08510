/**
 * The running process: typed configuration ({@link io.marketops.runtime.MarketOpsProperties}),
 * start-up checks with one-line errors, the data directory and the PostgreSQL data source
 * (embedded, crash-recovering, durable, unless an external URL is given).
 */
package io.marketops.runtime;
