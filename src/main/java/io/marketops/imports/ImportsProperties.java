package io.marketops.imports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * File import settings ({@code marketops.imports.*}, env {@code MARKETOPS_IMPORTS_*}).
 *
 * @param syncWait      how long {@code POST /api/v1/imports/{kind}} waits for the job before answering
 *                      202 with the job to poll (default 25s)
 * @param workers       imports run at the same time (default 1: imports are CPU- and disk-bound)
 * @param previewRows   rows shown in the preview (default 20)
 * @param piiKeyFile    the AES key for customers' PII; empty means {@code <data dir>/keys/pii.key}, created on first use.
 *                      Servers sharing one PostgreSQL must share this file
 * @param keepFiles     how long uploaded files, staging and rejected-row files are kept after a job ends (default 30 days)
 */
@Validated
@ConfigurationProperties("marketops.imports")
public record ImportsProperties(Duration syncWait, @Min(1) @Max(8) Integer workers, @Min(1) @Max(200) Integer previewRows,
                                Path piiKeyFile, Duration keepFiles) {
    public ImportsProperties {
        if (syncWait == null) syncWait = Duration.ofSeconds(25);
        if (workers == null) workers = 1;
        if (previewRows == null) previewRows = 20;
        if (keepFiles == null) keepFiles = Duration.ofDays(30);
    }
}
