/** Report definitions, building, rendering (HTML, PDF, XLSX, charts), scheduling and delivery. */
package io.marketops.reports.internal;
