/** Reading files, mapping columns, validating rows, staging and applying imports; PII encryption. */
package io.marketops.imports.internal;
