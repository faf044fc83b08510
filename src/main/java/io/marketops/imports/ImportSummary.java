package io.marketops.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import job as the API shows it.
 *
 * @param rows              data rows read from the file (header and title lines not counted)
 * @param imported          records that did not exist before (orders are counted after grouping lines by order id)
 * @param updated           records that existed and were replaced by this import (re-imports)
 * @param rejected          rows not imported; reasons in {@code rejections} and the rejected-rows file
 * @param skipped           rows left out on purpose: empty rows and totals lines (合计/总计/Total)
 * @param otherCurrencyRows rows whose amount is not in the workspace's reporting currency (stored as given)
 * @param progress          0..1 while running; 1 when done
 * @param rejections        the first rejections (the whole list is in the rejected-rows file)
 */
public record ImportSummary(String importId, ImportKind kind, String fileName, ImportStatus status, String stage,
                            double progress, long rows, long imported, long updated, long rejected, long skipped,
                            long otherCurrencyRows, String format, String encoding, String source,
                            Map<String, String> mapping, List<ImportRejection> rejections, String error,
                            String createdBy, Instant createdAt, Instant finishedAt) {
}
