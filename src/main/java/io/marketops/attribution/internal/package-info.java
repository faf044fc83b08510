/** The attribution models, the exact absorbing-chain solver, warehouse paths and channel ROI. */
package io.marketops.attribution.internal;
