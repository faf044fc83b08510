package io.marketops.warehouse.internal;

import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.EventsAppended;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventsAppendedTests {
    @TempDir
    Path dir;

    static EventRow page(long ws, String id, String utc) {
        Instant ts = Instant.parse(utc);
        return new EventRow(ws, id, "page", "home", null, "a-" + id, ts, ts, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aCommittedAppendAnnouncesEachWorkspacesEventsWithTheirEarliestAndLatestTime() throws Exception {
        List<Object> published = new ArrayList<>();
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, published::add)) {
            w.append(a -> {
                a.event(page(7, "m1", "2026-10-02T10:00:00Z"));
                a.event(page(7, "m2", "2026-09-30T23:00:00Z"));
                a.event(page(8, "m3", "2026-10-05T01:00:00Z"));
            });
        }
        assertThat(published).containsExactly(
                new EventsAppended(7, Instant.parse("2026-09-30T23:00:00Z"), Instant.parse("2026-10-02T10:00:00Z"), 2),
                new EventsAppended(8, Instant.parse("2026-10-05T01:00:00Z"), Instant.parse("2026-10-05T01:00:00Z"), 1));
    }

    @Test
    void aFailedAppendAnnouncesNothing() throws Exception {
        List<Object> published = new ArrayList<>();
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, published::add)) {
            assertThatThrownBy(() -> w.append(a -> {
                a.event(page(7, "m1", "2026-10-02T10:00:00Z"));
                throw new IllegalStateException("writer failed");
            })).hasMessage("writer failed");
            assertThat(w.sql().sql("SELECT count(*) FROM events").query(Long.class).single()).isZero();
        }
        assertThat(published).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotFailTheCommittedAppend() throws Exception {
        try (DuckDbWarehouse w = new DuckDbWarehouse(dir, event -> { throw new IllegalStateException("listener broke"); })) {
            w.append(a -> a.event(page(7, "m1", "2026-10-02T10:00:00Z")));
            assertThat(w.sql().sql("SELECT count(*) FROM events").query(Long.class).single()).isEqualTo(1);
        }
    }
}
