/** DuckDB implementation of the warehouse. */
package io.marketops.warehouse.internal;
