package io.marketops.collect.internal;

import io.marketops.warehouse.Warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The long-term copy of {@code events}: one Parquet directory per workspace and closed local day,
 * {@code <parquet dir>/events/workspace_id=N/day=YYYY-MM-DD/*.parquet} (Hive partitioning; the
 * files hold every column of {@code events} but {@code workspace_id}, which the path gives).
 *
 * <p>Stateless reconciliation: for each closed day the number of events in the warehouse is
 * compared with the row count of the day's files (Parquet metadata, no scan). A day with more
 * events in the warehouse gets the missing ones (by message id, an anti-join) as one new small
 * file — the first export of a day and a late back-fill alike. A day whose files hold more rows
 * than the warehouse (events deleted, or a compaction a crash cut short) is rewritten whole.
 * Compaction merges a day's files into one once it has {@code compactAtFiles} of them.
 *
 * <p>Readers see only {@code *.parquet}: a file is written under a hidden temporary name and
 * renamed when complete; compaction renames its merged file in and then deletes the files it
 * merged (a crash between the two leaves rows twice, which the next pass finds by the counts and
 * repairs by rewriting the day).
 */
final class EventPartitions {
    private static final AtomicLong SEQ = new AtomicLong();
    private final Warehouse warehouse;
    private final Path root;

    EventPartitions(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.root = warehouse.parquetDir().resolve("events");
    }

    /** What one pass did. */
    record Pass(int daysWritten, long rowsWritten, int daysRewritten, int daysCompacted) {
    }

    Path dayDir(long workspaceId, LocalDate day) {
        return root.resolve("workspace_id=" + workspaceId).resolve("day=" + day);
    }

    /** Brings every local day of the workspace before {@code firstOpenDay} up to the warehouse, then compacts. */
    Pass reconcile(long workspaceId, ZoneId zone, LocalDate firstOpenDay, int compactAtFiles) {
        Map<LocalDate, Long> inWarehouse = new HashMap<>();
        warehouse.sql().sql("SELECT CAST(timezone('" + zone.getId() + "', ts) AS DATE) AS day, count(*) AS n FROM events "
                        + "WHERE workspace_id = ? AND ts < CAST(? AS TIMESTAMPTZ) GROUP BY 1")
                .params(workspaceId, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx").format(firstOpenDay.atStartOfDay(zone)))
                .query(rs -> {
                    inWarehouse.put(rs.getDate("day").toLocalDate(), rs.getLong("n"));
                });
        Map<LocalDate, Long> inFiles = fileCounts(workspaceId);
        int written = 0, rewritten = 0, compacted = 0;
        long rows = 0;
        for (var e : inWarehouse.entrySet()) {
            LocalDate day = e.getKey();
            long have = inFiles.getOrDefault(day, 0L);
            if (have < e.getValue()) {
                rows += appendMissing(workspaceId, zone, day);
                written++;
                have = count(dayDir(workspaceId, day));
            }
            if (have != e.getValue()) {
                rewrite(workspaceId, zone, day);
                rewritten++;
            } else if (files(dayDir(workspaceId, day)).size() >= compactAtFiles) {
                compact(dayDir(workspaceId, day));
                compacted++;
            }
        }
        for (LocalDate day : inFiles.keySet()) {
            if (!inWarehouse.containsKey(day) && day.isBefore(firstOpenDay)) {
                rewrite(workspaceId, zone, day); // every event of the day was deleted
                rewritten++;
            }
        }
        return new Pass(written, rows, rewritten, compacted);
    }

    /** Rows per day in the workspace's files, from the Parquet footers. */
    Map<LocalDate, Long> fileCounts(long workspaceId) {
        Map<LocalDate, Long> counts = new HashMap<>();
        Path ws = root.resolve("workspace_id=" + workspaceId);
        if (!Files.isDirectory(ws)) return counts;
        try (var days = Files.list(ws)) {
            for (Path d : days.filter(p -> p.getFileName().toString().startsWith("day=")).toList()) {
                counts.put(LocalDate.parse(d.getFileName().toString().substring(4)), count(d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    long count(Path dayDir) {
        if (files(dayDir).isEmpty()) return 0;
        return warehouse.sql().sql("SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata('" + glob(dayDir) + "')")
                .query(Long.class).single();
    }

    /** Writes the day's events whose message id no file of the day holds, as one new file; returns how many. */
    long appendMissing(long workspaceId, ZoneId zone, LocalDate day) {
        Path dir = dayDir(workspaceId, day);
        String known = files(dir).isEmpty() ? "" : " AND message_id NOT IN (SELECT message_id FROM read_parquet('" + glob(dir) + "'))";
        return write(dir, "part", "SELECT * EXCLUDE (workspace_id) FROM events WHERE " + dayFilter(workspaceId, zone, day) + known);
    }

    /** Replaces the day's files with one file holding exactly the warehouse's events of that day. */
    void rewrite(long workspaceId, ZoneId zone, LocalDate day) {
        Path dir = dayDir(workspaceId, day);
        List<Path> old = files(dir);
        write(dir, "data", "SELECT * EXCLUDE (workspace_id) FROM events WHERE " + dayFilter(workspaceId, zone, day));
        delete(old);
    }

    /** Merges a day's files into one (rows kept as they are, ordered by time). */
    void compact(Path dayDir) {
        List<Path> old = files(dayDir);
        if (old.size() < 2) return;
        write(dayDir, "data", "SELECT * FROM read_parquet('" + glob(dayDir) + "') ORDER BY ts");
        delete(old);
    }

    List<Path> files(Path dayDir) {
        if (!Files.isDirectory(dayDir)) return List.of();
        try (var s = Files.list(dayDir)) {
            List<Path> out = new ArrayList<>();
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".parquet")) out.add(p);
                else if (n.startsWith(".") && n.endsWith(".tmp")) Files.deleteIfExists(p); // left by a crash mid-write
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the query into a hidden file, then renames it into place; returns its row count (0: nothing written). */
    private long write(Path dir, String prefix, String select) {
        try {
            Files.createDirectories(dir);
            String name = prefix + "-" + System.currentTimeMillis() + "-" + SEQ.incrementAndGet() + ".parquet";
            Path tmp = dir.resolve("." + name + ".tmp");
            long n = warehouse.sql().sql("COPY (" + select + ") TO '" + literal(tmp) + "' (FORMAT PARQUET, COMPRESSION ZSTD)").update();
            if (n == 0 && !prefix.equals("data")) {
                Files.deleteIfExists(tmp);
                return 0;
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(List<Path> files) {
        for (Path p : files) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The zone id and the date are typed values (never user text); the workspace id a number. */
    private static String dayFilter(long workspaceId, ZoneId zone, LocalDate day) {
        return "workspace_id = " + workspaceId + " AND CAST(timezone('" + zone.getId() + "', ts) AS DATE) = DATE '" + day + "'";
    }

    private static String glob(Path dayDir) {
        return literal(dayDir) + "/*.parquet";
    }

    private static String literal(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
