/**
 * File imports: ad-platform reports, orders, customers and content metrics from CSV (UTF-8 or
 * GBK/GB18030) and XLSX, with column mapping, row validation, rejected-row files and atomic,
 * restart-safe jobs. Owns the import jobs, saved mappings and customers' PII (encrypted) in
 * PostgreSQL. Offers {@link io.marketops.imports.Imports}, {@link io.marketops.imports.CustomerContacts}
 * and the {@link io.marketops.imports.ImportCompleted} event. Uses: core, runtime, workspace, warehouse.
 */
package io.marketops.imports;
