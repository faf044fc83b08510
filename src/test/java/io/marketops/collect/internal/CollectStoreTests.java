package io.marketops.collect.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CollectStoreTests {
    @TempDir
    Path dir;

    static EventWriter.Submission submission(long ws, String... ids) {
        List<LogRecord.Item> items = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) items.add(new LogRecord.Item("track", ids[i], i, null, ("{\"i\":" + i + "}").getBytes()));
        return EventWriter.Submission.of(ws, System.currentTimeMillis(), null, null, items);
    }

    static boolean[] duplicates(CollectStore store, EventWriter.Submission s) throws Exception {
        CompletableFuture<EventWriter.Outcome> f = store.writer().submit(s);
        return f.get(10, TimeUnit.SECONDS).duplicate();
    }

    @Test
    void aMessageIdIsStoredOncePerWorkspaceEvenWithinOneRequest() throws Exception {
        try (CollectStore store = new CollectStore(dir, 8, 10_000)) {
            assertThat(duplicates(store, submission(1, "a", "b", "a"))).containsExactly(false, false, true);
            assertThat(duplicates(store, submission(1, "b", "c"))).containsExactly(true, false);
            assertThat(duplicates(store, submission(2, "a"))).containsExactly(false);
            assertThat(store.writer().counts(1).received()).isEqualTo(5);
            assertThat(store.writer().counts(1).duplicates()).isEqualTo(2);
        }
    }

    @Test
    void idsAndCountsSurviveARestartAndLogRecordsTheIndexMissedAreReplayed() throws Exception {
        try (CollectStore store = new CollectStore(dir, 8, 10_000)) {
            duplicates(store, submission(1, "a", "b"));
        }
        // a record synced to the log whose index write was lost (a power cut between the two)
        try (DurableLog log = new DurableLog(dir.resolve("log"), DurableLog.DEFAULT_SEGMENT_BYTES)) {
            log.recover(log.end(), e -> { });
            log.append(List.of(submission(1, "lost").encoded()));
            log.sync();
        }
        try (CollectStore store = new CollectStore(dir, 8, 10_000)) {
            assertThat(duplicates(store, submission(1, "a", "lost", "new"))).containsExactly(true, true, false);
            assertThat(store.writer().counts(1).received()).isEqualTo(2 + 1 + 3);
            assertThat(store.eventLog().read(0, store.writer().committedEnd(), Long.MAX_VALUE)).hasSize(3);
        }
    }
}
