package io.marketops.warehouse;

import java.time.LocalDate;

/** Daily statistics of one content post in {@code content_metrics} (natural key: post id + date). */
public record ContentMetricRow(long workspaceId, String postId, String platform, LocalDate date, String title,
                               long reads, long likes, long comments, long shares, long saves,
                               double completionRate, long followersGained) {
}
