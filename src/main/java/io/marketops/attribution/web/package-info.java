/** Attribution API (path tables, warehouse report, export) and the model comparison page. */
package io.marketops.attribution.web;
