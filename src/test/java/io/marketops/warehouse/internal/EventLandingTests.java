package io.marketops.warehouse.internal;

import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.EventsAppended;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The landing zone of events: landed rows are visible and durable at once, absorbed exactly once. */
class EventLandingTests {
    @TempDir
    Path dir;

    private static final WarehouseProperties NO_GRACE = new WarehouseProperties(Duration.ofHours(1), 1_000, Duration.ZERO);

    static EventRow track(long ws, String id, String utc) {
        Instant ts = Instant.parse(utc);
        return new EventRow(ws, id, "track", "purchase", "u-" + id, null, ts, ts, "s-1", "douyin", "douyin", "cpc", "双11", null, null,
                null, "https://shop.example.cn/p?q=\"引号\"", "/p", "mobile", "iOS", "Safari", "浙江", "杭州", "web", new BigDecimal("199.90"), "CNY",
                "o-" + id, "{\"sku\":\"s1\",\"note\":\"含,逗号\"}", null, "{\"campaign\":{\"source\":\"douyin\"}}");
    }

    private static long count(DuckDbWarehouse w, String table) {
        return w.sql().sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static Path landingDir(Path dir) {
        return dir.resolve("landing");
    }

    private static long landedFiles(Path dir) throws Exception {
        try (var s = Files.list(landingDir(dir))) {
            return s.filter(f -> f.toString().endsWith(".parquet") && !f.getFileName().toString().equals(EventLanding.EMPTY)).count();
        }
    }

    @Test
    void landedEventsAreQueryableAtOnceWithEveryValueAsSentAndAnnounced() throws Exception {
        List<Object> published = new ArrayList<>();
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, NO_GRACE, published::add)) {
            w.landEvents(a -> {
                a.event(track(7, "m1", "2026-10-02T10:00:00Z"));
                a.event(track(7, "m2", "2026-09-30T23:00:00Z"));
            });
            assertThat(count(w, "events")).isEqualTo(2);
            assertThat(count(w, "events_stored")).isZero();
            Map<String, Object> row = w.sql().sql("SELECT * FROM events WHERE message_id = 'm1'").query().singleRow();
            assertThat(row).containsEntry("utm_campaign", "双11").containsEntry("url", "https://shop.example.cn/p?q=\"引号\"")
                    .containsEntry("revenue", new BigDecimal("199.90")).containsEntry("city", "杭州");
            assertThat(w.sql().sql("SELECT properties->>'note' FROM events WHERE message_id = 'm1'").query(String.class).single()).isEqualTo("含,逗号");
            assertThat(w.sql().sql("SELECT typeof(properties) FROM events LIMIT 1").query(String.class).single()).isEqualTo("JSON");
            // the stitched view reads through the landing zone too
            assertThat(count(w, "event_people")).isEqualTo(2);
        }
        assertThat(published).containsExactly(new EventsAppended(7, Instant.parse("2026-09-30T23:00:00Z"), Instant.parse("2026-10-02T10:00:00Z"), 2));
    }

    @Test
    void absorbingMovesTheRowsIntoTheNativeTableWithoutCountingAnyTwiceAndDeletesTheFiles() throws Exception {
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, NO_GRACE, e -> { })) {
            w.append(a -> a.event(track(7, "direct", "2026-10-01T00:00:00Z")));
            for (int f = 0; f < 5; f++) {
                int file = f;
                w.landEvents(a -> {
                    for (int i = 0; i < 100; i++) a.event(track(7, "f" + file + "-" + i, "2026-10-03T08:00:00Z"));
                });
            }
            assertThat(landedFiles(dir)).isEqualTo(5);
            assertThat(count(w, "events")).isEqualTo(501);
            assertThat(w.absorbLanded()).isEqualTo(500);
            assertThat(count(w, "events")).isEqualTo(501);
            assertThat(count(w, "events_stored")).isEqualTo(501);
            assertThat(w.sql().sql("SELECT count(DISTINCT message_id) FROM events").query(Long.class).single()).isEqualTo(501);
            assertThat(w.absorbLanded()).as("nothing is absorbed twice").isZero();
        }
        // reopening deletes the absorbed files and forgets them
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, NO_GRACE, e -> { })) {
            assertThat(landedFiles(dir)).isZero();
            assertThat(count(w, "events_absorbed")).isZero();
            assertThat(count(w, "events")).isEqualTo(501);
        }
    }

    @Test
    void readersNeverSeeAnAbsorbHalfDone() throws Exception {
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, NO_GRACE, e -> { })) {
            for (int f = 0; f < 20; f++) {
                int file = f;
                w.landEvents(a -> {
                    for (int i = 0; i < 500; i++) a.event(track(7, "r" + file + "-" + i, "2026-10-03T08:00:00Z"));
                });
            }
            AtomicBoolean absorbing = new AtomicBoolean(true);
            AtomicReference<Long> wrong = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                while (absorbing.get()) {
                    long n = count(w, "events");
                    if (n != 10_000) wrong.set(n);
                }
            });
            reader.start();
            try {
                // one file per transaction, so the reader runs across many absorbs
                while (w.absorbLanded(1) > 0) {
                    Thread.onSpinWait();
                }
            } finally {
                absorbing.set(false);
                reader.join();
            }
            assertThat(wrong.get()).as("a count other than 10,000 seen during the absorbs").isNull();
            assertThat(count(w, "events_stored")).isEqualTo(10_000);
        }
    }

    @Test
    void landedEventsSurviveAReopenAndALeftoverTemporaryFileIsNeitherReadNorKept() throws Exception {
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, NO_GRACE, e -> { })) {
            w.landEvents(a -> a.event(track(7, "m1", "2026-10-02T10:00:00Z")));
        }
        // a crash while a file was being written leaves its hidden temporary file
        Path leftover = landingDir(dir).resolve(".00000000000001-000009.parquet.tmp");
        Files.writeString(leftover, "half a parquet file");
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, NO_GRACE, e -> { })) {
            assertThat(leftover).doesNotExist();
            assertThat(count(w, "events")).isEqualTo(1);
        }
    }

    @Test
    void onlyEventsCanBeLandedAndAFailedLandingLeavesNothing() throws Exception {
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, NO_GRACE, e -> { })) {
            assertThatThrownBy(() -> w.landEvents(a -> a.customer(new io.marketops.warehouse.CustomerRow(7, "c1", null, null, null, null, null, null))))
                    .hasMessageContaining("only events rows can be landed");
            assertThatThrownBy(() -> w.landEvents(a -> {
                a.event(track(7, "m1", "2026-10-02T10:00:00Z"));
                throw new IllegalStateException("writer failed");
            })).hasMessage("writer failed");
            assertThat(count(w, "events")).isZero();
            assertThat(landedFiles(dir)).isZero();
        }
    }

    @Test
    void timesKeepEveryMicrosecondThroughBothPaths() throws Exception {
        List<String> times = List.of("2026-10-02T10:00:00Z", "2026-03-01T23:59:59.999999Z", "1969-12-31T23:59:59.000001Z", "2000-02-29T00:00:00.5Z",
                "0999-01-01T00:00:00Z");
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, NO_GRACE, e -> { })) {
            w.landEvents(a -> {
                for (int i = 0; i < times.size(); i++) a.event(track(7, "l" + i, times.get(i)));
            });
            w.append(a -> {
                for (int i = 0; i < times.size(); i++) a.event(track(7, "s" + i, times.get(i)));
            });
            for (int i = 0; i < times.size(); i++) {
                for (String path : List.of("l", "s")) {
                    long us = w.sql().sql("SELECT epoch_us(ts) FROM events WHERE message_id = ?").param(path + i).query(Long.class).single();
                    Instant want = Instant.parse(times.get(i));
                    assertThat(us).as(path + " " + times.get(i)).isEqualTo(want.getEpochSecond() * 1_000_000 + want.getNano() / 1000);
                }
            }
        }
    }

    @Test
    void readersNeverFailWhileTheAbsorberDeletesFiles() throws Exception {
        // absorb as soon as nothing landed for a moment, delete at once: the harshest settings
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, new WarehouseProperties(Duration.ZERO, 1, Duration.ZERO), e -> { })) {
            w.startAbsorber();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread reader = new Thread(() -> {
                    while (running.get() && failure.get() == null) {
                        try {
                            w.sql().sql("SELECT count(*), max(ts) FROM events WHERE workspace_id = 7").query().singleRow();
                        } catch (RuntimeException e) {
                            failure.set(e);
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            int files = 0;
            while (System.nanoTime() < deadline && failure.get() == null) {
                int f = files++;
                w.landEvents(a -> {
                    for (int i = 0; i < 200; i++) a.event(track(7, "d" + f + "-" + i, "2026-10-03T08:00:00Z"));
                });
                Thread.sleep(40);
            }
            // let the absorber take and delete the rest
            for (int i = 0; i < 100 && landedFiles(dir) > 0; i++) Thread.sleep(100);
            running.set(false);
            for (Thread r : readers) r.join();
            assertThat(failure.get()).as("a reader failed while files were absorbed and deleted").isNull();
            assertThat(count(w, "events")).isEqualTo(200L * files);
            assertThat(count(w, "events_stored")).isEqualTo(200L * files);
        }
    }
}
