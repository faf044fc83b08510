package io.marketops.imports.internal;

import io.marketops.imports.ImportKind;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;

/** Daily statistics of published posts; natural key post id + date (a post id is unique on its platform). */
final class ContentMetricSpec extends KindSpec {
    private static final LinkedHashMap<String, String> STAGED = columns("post_id", "VARCHAR", "platform", "VARCHAR", "date", "DATE",
            "title", "VARCHAR", "reads", "BIGINT", "likes", "BIGINT", "comments", "BIGINT", "shares", "BIGINT", "saves", "BIGINT",
            "completion_rate", "DOUBLE", "followers_gained", "BIGINT");

    @Override
    ImportKind kind() {
        return ImportKind.CONTENT_METRICS;
    }

    @Override
    LinkedHashMap<String, String> staged() {
        return STAGED;
    }

    @Override
    List<String> key() {
        return List.of("post_id", "date");
    }

    @Override
    List<String> factColumns() {
        return List.of("post_id", "platform", "date", "title", "reads", "likes", "comments", "shares", "saves", "completion_rate", "followers_gained");
    }

    @Override
    String[] convert(RowReader r, Ctx ctx) {
        String postId = r.text("post_id", true, 200);
        String platform = Codes.channel(r.text("platform", true, 100));
        LocalDate date = r.date("date", true);
        String title = r.text("title", false, 1000);
        long reads = r.count("reads"), likes = r.count("likes"), comments = r.count("comments"), shares = r.count("shares"), saves = r.count("saves");
        Double completion = r.rate("completion_rate");
        long followers = r.integer("followers_gained", 0);
        if (r.failed()) return null;
        return new String[]{Long.toString(r.row()), postId, platform, date.toString(), title, Long.toString(reads), Long.toString(likes),
                Long.toString(comments), Long.toString(shares), Long.toString(saves), completion == null ? null : completion.toString(),
                Long.toString(followers)};
    }
}
