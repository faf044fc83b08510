/** The reports API ({@code /api/v1/reports}) and pages ({@code /reports}). */
package io.marketops.reports.web;
