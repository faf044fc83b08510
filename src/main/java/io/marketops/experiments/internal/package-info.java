/** Registry storage in PostgreSQL, the assignment service, exposure recording and the warehouse hand-over. */
package io.marketops.experiments.internal;
