/** Start-up plumbing: the embedded PostgreSQL server and its crash recovery. */
package io.marketops.runtime.internal;
