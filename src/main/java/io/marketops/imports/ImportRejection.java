package io.marketops.imports;

/**
 * Why one row (or one field of it) was not imported.
 *
 * @param row    the row number as a spreadsheet shows it (the header is row 1 in a plain file)
 * @param field  the import field (e.g. {@code cost}), or null when the whole row is at fault
 * @param value  the offending text as read (PII masked), or null
 * @param reason what is wrong and what was expected
 */
public record ImportRejection(long row, String field, String value, String reason) {
}
