package io.marketops.collect.internal;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of event collection ({@code marketops.collect.*}, environment variables
 * {@code MARKETOPS_COLLECT_*}).
 *
 * @param bootstrapWriteKey  a write key that must exist, with exactly this value, for the default
 *                           workspace ({@code MARKETOPS_BOOTSTRAP_WRITE_KEY}); empty: none
 * @param maxBatchBytes      largest request body after gzip is undone (Segment's limit, 500 KB); larger answers 413
 * @param maxEventBytes      largest single event (Segment's limit, 32 KB); a larger call answers 413, a larger event in a batch is rejected
 * @param rateLimitPerSecond events a workspace may send per second, sustained (default 250,000); beyond it 429 with Retry-After
 * @param rateLimitBurst     events a workspace may send at once above the sustained rate (default 1,000,000)
 * @param maxPendingEvents   events waiting for the disk before new requests get 429 (default 400,000)
 * @param moveInterval       how often acknowledged events are moved into the warehouse when idle (default 200 ms)
 * @param moveBatchEvents    most events moved into the warehouse in one step (default 100,000)
 * @param stepInterval       while less than a full step waits, warehouse steps are at least this far apart, so live
 *                           collection lands one file a second rather than one per request (default 1 s)
 * @param sessionTimeout     inactivity that ends a session (default 30 minutes)
 * @param dedupeCacheMb      memory for the message-id index's block cache (default 64 MB)
 * @param maxPaceWait        longest a request waits while the warehouse catches up (about 3 s of its work
 *                           behind); after that it is written anyway (default 20 s)
 * @param parquetInterval    how often closed local days of {@code events} are brought up to date in the Parquet
 *                           partitions (default 1 h; 0 turns the export off)
 * @param parquetCompactFiles a day's Parquet files are merged into one once it has this many (default 4)
 */
@Validated
@ConfigurationProperties("marketops.collect")
public record CollectProperties(
        String bootstrapWriteKey,
        @DefaultValue("512000") @Min(1024) int maxBatchBytes,
        @DefaultValue("32768") @Min(1024) int maxEventBytes,
        @DefaultValue("250000") @Min(1) long rateLimitPerSecond,
        @DefaultValue("1000000") @Min(1) long rateLimitBurst,
        @DefaultValue("400000") @Min(1000) int maxPendingEvents,
        @DefaultValue("200ms") Duration moveInterval,
        @DefaultValue("100000") @Min(100) int moveBatchEvents,
        @DefaultValue("1s") Duration stepInterval,
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue("64") @Min(8) int dedupeCacheMb,
        @DefaultValue("20s") Duration maxPaceWait,
        @DefaultValue("1h") Duration parquetInterval,
        @DefaultValue("4") @Min(2) int parquetCompactFiles) {
}
