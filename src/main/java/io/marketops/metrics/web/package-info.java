/** Home dashboard page and metric API. */
package io.marketops.metrics.web;
