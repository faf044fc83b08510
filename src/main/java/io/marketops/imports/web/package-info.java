/** The imports API ({@code /api/v1/imports}, {@code /api/v1/customer-contacts}) and the import pages. */
package io.marketops.imports.web;
