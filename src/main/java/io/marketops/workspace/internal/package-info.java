/** Storage and security plumbing of the workspace module. */
package io.marketops.workspace.internal;
