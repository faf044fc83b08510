package io.marketops.collect.internal;

import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EventPartitionsTests {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final long WS = 7;

    @TempDir
    Path dir;
    private StandaloneWarehouse warehouse;
    private EventPartitions partitions;

    @BeforeEach
    void open() {
        warehouse = StandaloneWarehouse.open(dir);
        partitions = new EventPartitions(warehouse);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    /** n events with ids prefix-0… at the given local time. */
    private void store(long ws, String prefix, int n, String localTime) {
        Instant ts = java.time.LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant();
        List<EventRow> rows = IntStream.range(0, n).mapToObj(i -> new EventRow(ws, prefix + "-" + i, "track", "add_to_cart", "u" + i, null,
                ts.plusSeconds(i), ts, "s" + i, "douyin", "douyin", "cpc", null, null, null, null, null, null, null, null, null, null,
                null, "web", null, null, null, "{\"sku\":\"a\"}", null, null)).toList();
        warehouse.append(a -> rows.forEach(a::event));
    }

    private List<String> idsInFiles(LocalDate day) {
        return warehouse.sql().sql("SELECT message_id FROM read_parquet('" + partitions.dayDir(WS, day) + "/*.parquet') ORDER BY 1")
                .query(String.class).list();
    }

    private List<String> idsInWarehouse(LocalDate day) {
        return warehouse.sql().sql("SELECT message_id FROM events WHERE workspace_id = ? AND CAST(timezone('Asia/Shanghai', ts) AS DATE) = ? ORDER BY 1")
                .params(WS, day).query(String.class).list();
    }

    @Test
    void exportsEachClosedLocalDayOnceAndLeavesTodayOpen() {
        store(WS, "a", 300, "2026-11-20T07:00:00"); // local day the 20th, in UTC still the 19th
        store(WS, "b", 200, "2026-11-21T00:00:30");
        store(WS, "c", 50, "2026-11-22T08:00:00"); // today: not closed
        store(8, "other", 10, "2026-11-20T10:00:00");

        EventPartitions.Pass first = partitions.reconcile(WS, SHANGHAI, TODAY, 4);
        EventPartitions.Pass again = partitions.reconcile(WS, SHANGHAI, TODAY, 4);

        assertThat(first.daysWritten()).isEqualTo(2);
        assertThat(first.rowsWritten()).isEqualTo(500);
        assertThat(again).isEqualTo(new EventPartitions.Pass(0, 0, 0, 0));
        assertThat(idsInFiles(LocalDate.of(2026, 11, 20))).hasSize(300).allMatch(id -> id.startsWith("a-"));
        assertThat(idsInFiles(LocalDate.of(2026, 11, 21))).hasSize(200).allMatch(id -> id.startsWith("b-"));
        assertThat(Files.exists(partitions.dayDir(WS, TODAY))).isFalse();
    }

    @Test
    void backFillIntoAClosedDayIsAddedAsASmallFileAndEndsUpExactlyOnceAfterCompaction() {
        LocalDate day = LocalDate.of(2026, 10, 1);
        store(WS, "live", 1000, "2026-10-01T12:00:00");
        partitions.reconcile(WS, SHANGHAI, TODAY, 3);

        store(WS, "late1", 40, "2026-10-01T09:00:00");
        EventPartitions.Pass p1 = partitions.reconcile(WS, SHANGHAI, TODAY, 3);
        assertThat(p1.rowsWritten()).isEqualTo(40);
        assertThat(partitions.files(partitions.dayDir(WS, day))).hasSize(2);

        store(WS, "late2", 5, "2026-10-01T20:00:00");
        EventPartitions.Pass p2 = partitions.reconcile(WS, SHANGHAI, TODAY, 3);

        assertThat(p2.rowsWritten()).isEqualTo(5);
        assertThat(p2.daysCompacted()).isEqualTo(1);
        assertThat(partitions.files(partitions.dayDir(WS, day))).hasSize(1);
        assertThat(idsInFiles(day)).hasSize(1045).doesNotHaveDuplicates().isEqualTo(idsInWarehouse(day));
    }

    @Test
    void aCompactionCutShortByACrashIsRepairedByTheNextPass() throws Exception {
        LocalDate day = LocalDate.of(2026, 10, 2);
        store(WS, "x", 100, "2026-10-02T10:00:00");
        partitions.reconcile(WS, SHANGHAI, TODAY, 4);
        Path dayDir = partitions.dayDir(WS, day);
        Path only = partitions.files(dayDir).get(0);
        Files.copy(only, dayDir.resolve("data-merged-but-old-not-deleted.parquet")); // rows twice, as after such a crash
        Files.writeString(dayDir.resolve(".part-1-1.parquet.tmp"), "half a file");

        EventPartitions.Pass p = partitions.reconcile(WS, SHANGHAI, TODAY, 4);

        assertThat(p.daysRewritten()).isEqualTo(1);
        assertThat(idsInFiles(day)).hasSize(100).doesNotHaveDuplicates().isEqualTo(idsInWarehouse(day));
        try (var left = Files.list(dayDir)) {
            assertThat(left.map(f -> f.getFileName().toString())).singleElement().satisfies(n -> assertThat(n).endsWith(".parquet"));
        }
    }

    @Test
    void daysWhoseEventsWereDeletedAreRewrittenToMatchTheWarehouse() {
        LocalDate day = LocalDate.of(2026, 10, 3);
        store(WS, "y", 20, "2026-10-03T10:00:00");
        partitions.reconcile(WS, SHANGHAI, TODAY, 4);
        warehouse.sql().sql("DELETE FROM events_stored WHERE workspace_id = ? AND message_id IN ('y-1', 'y-2')").params(WS).update();

        EventPartitions.Pass p = partitions.reconcile(WS, SHANGHAI, TODAY, 4);

        assertThat(p.daysRewritten()).isEqualTo(1);
        assertThat(idsInFiles(day)).hasSize(18).isEqualTo(idsInWarehouse(day));
    }

    @Test
    void partitionFilesHoldEveryEventColumnButTheWorkspaceWhichThePathGives() {
        store(WS, "z", 3, "2026-10-04T10:00:00");
        partitions.reconcile(WS, SHANGHAI, TODAY, 4);

        List<String> columns = warehouse.sql().sql("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('"
                + partitions.dayDir(WS, LocalDate.of(2026, 10, 4)) + "/*.parquet', hive_partitioning = true))").query(String.class).list();
        List<String> eventColumns = warehouse.sql().sql("SELECT column_name FROM (DESCRIBE events)").query(String.class).list();

        assertThat(columns).containsAll(eventColumns).contains("day");
    }
}
