/** Fills the demo workspace at first start. */
package io.marketops.demo.internal;
