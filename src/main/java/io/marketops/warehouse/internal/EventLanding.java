package io.marketops.warehouse.internal;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The landing zone of {@code events}: a steady stream of small event batches (live collection)
 * lands as Parquet files under {@code <warehouse>/landing/} instead of being inserted into the
 * native table, because writing a Parquet file costs DuckDB about half the CPU of an insert into
 * its compressed table (docs/benchmarks.md). {@code events} is a view over both:
 * <pre>
 *   events = events_stored  ∪  landing/*.parquet whose file is not listed in events_absorbed
 * </pre>
 * <ul>
 *   <li><b>Landing</b> writes the file under a hidden temporary name, fsyncs it, renames it into
 *   the landing directory and fsyncs the directory: the rows are visible and durable together, or
 *   not at all (a crash leaves at most a temporary file, deleted at the next start).</li>
 *   <li><b>Absorbing</b> moves landed files into {@code events_stored} in one DuckDB transaction that
 *   also lists them in {@code events_absorbed}, so no reader sees their rows twice or not at all.
 *   It runs when collection pauses ({@code idle}) or when more than {@code maxFiles} files wait,
 *   so under a burst the CPU goes to acknowledging and landing and the native table catches up
 *   afterwards. Absorbed files are deleted after {@code grace} (a query that listed the file before
 *   the absorb may still read it), and only then dropped from {@code events_absorbed}.</li>
 * </ul>
 * Every file holds the columns of {@code events_stored} in order; a schema change to events must
 * absorb the landing zone first (documented in docs/modules/warehouse.md).
 */
final class EventLanding implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventLanding.class);
    /** An empty file with the schema, so the view's glob always matches at least one file. */
    static final String EMPTY = "00000000000000-000000-empty.parquet";

    private final DuckDBConnection root;
    private final Path dir;
    private final Duration idle;
    private final int maxFiles;
    private final Duration grace;
    private final AtomicLong seq = new AtomicLong();
    private final ReentrantLock absorbing = new ReentrantLock();
    private volatile long lastLandedNanos = System.nanoTime();
    private volatile boolean running = true;
    private final String csvColumns;
    private final String columnList;
    private Thread absorber;

    /** An absorbed file waiting for its grace period to end before it is deleted. */
    private record Absorbed(Path file, long atNanos) {
    }

    private final java.util.concurrent.ConcurrentLinkedQueue<Absorbed> toDelete = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Runs a deletion of files while no reader has a connection open (see DuplicatingDataSource); false: try later. */
    interface Quiet {
        boolean run(Runnable work);
    }

    private final Quiet quiet;

    EventLanding(DuckDBConnection root, Path dir, Duration idle, int maxFiles, Duration grace, Quiet quiet) throws IOException, SQLException {
        this.root = root;
        this.quiet = quiet;
        this.dir = dir.toAbsolutePath();
        this.idle = idle;
        this.maxFiles = maxFiles;
        this.grace = grace;
        Files.createDirectories(this.dir);
        List<String[]> columns = new ArrayList<>();
        try (var c = root.duplicate(); var st = c.createStatement(); var rs = st.executeQuery(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'events_stored' ORDER BY ordinal_position")) {
            while (rs.next()) columns.add(new String[]{rs.getString(1), rs.getString(2)});
        }
        StringBuilder types = new StringBuilder(), names = new StringBuilder();
        for (String[] col : columns) {
            if (!types.isEmpty()) {
                types.append(", ");
                names.append(", ");
            }
            types.append('\'').append(col[0]).append("': '").append(col[1]).append('\'');
            names.append(col[0]);
        }
        this.csvColumns = "{" + types + "}";
        this.columnList = names.toString();
        open();
    }

    /** Clears what a crash or the last run left, then (re)defines the {@code events} view over this directory. */
    private void open() throws IOException, SQLException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith(".")) Files.deleteIfExists(f);
            }
        }
        try (var c = root.duplicate(); var st = c.createStatement()) {
            // files absorbed before the stop: nothing reads them any more
            List<String> absorbed = new ArrayList<>();
            try (var rs = st.executeQuery("SELECT file FROM events_absorbed")) {
                while (rs.next()) absorbed.add(rs.getString(1));
            }
            for (String f : absorbed) Files.deleteIfExists(Path.of(f));
            st.execute("DELETE FROM events_absorbed");
            Path empty = dir.resolve(EMPTY);
            if (!Files.exists(empty)) {
                Path tmp = dir.resolve(".empty.tmp");
                st.execute("COPY (SELECT " + columnList + " FROM events_stored LIMIT 0) TO '" + quote(tmp) + "' (FORMAT PARQUET)");
                publish(tmp, empty);
            }
            st.execute("CREATE OR REPLACE VIEW events AS SELECT " + columnList + " FROM events_stored UNION ALL SELECT " + columnList
                    + " FROM read_parquet('" + quote(dir) + "/*.parquet', filename = true, hive_partitioning = false)"
                    + " WHERE filename NOT IN (SELECT file FROM events_absorbed)");
        }
        log.info("Event landing zone at {}: {} file(s) waiting to be absorbed", dir, landed().size());
    }

    void startAbsorber() {
        absorber = new Thread(this::absorbLoop, "warehouse-absorber");
        absorber.setDaemon(true);
        absorber.start();
    }

    /**
     * Lands the events staged as CSV in {@code csv} (columns of {@code events_stored}, the staging
     * appender's format): visible in {@code events} and durable when this returns.
     */
    void land(Path csv) {
        String name = String.format("%014d-%06d.parquet", System.currentTimeMillis(), seq.incrementAndGet() % 1_000_000);
        Path tmp = dir.resolve("." + name + ".tmp");
        try (var c = root.duplicate(); var st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + quote(csv) + "', columns = " + csvColumns
                    + ", header = false, delim = ',', quote = '\"', escape = '\"', nullstr = '\\N', allow_quoted_nulls = false, auto_detect = false))"
                    + " TO '" + quote(tmp) + "' (FORMAT PARQUET, ROW_GROUP_SIZE 122880)");
            publish(tmp, dir.resolve(name));
            lastLandedNanos = System.nanoTime();
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // deleted at the next start
            }
            throw new IllegalStateException("landing events failed: " + e.getMessage(), e);
        }
    }

    /** fsync the file, rename it in, fsync the directory: from here on the rows are visible and survive a crash. */
    private void publish(Path tmp, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the landing directory " + dir + " does not support atomic renames", e);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    /** Landed files not yet absorbed, oldest first. */
    List<Path> landed() throws IOException {
        List<Path> out = new ArrayList<>();
        java.util.Set<String> gone = new java.util.HashSet<>();
        for (Absorbed a : toDelete) gone.add(a.file().toString());
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".parquet") && !n.startsWith(".") && !n.equals(EMPTY) && !gone.contains(f.toString());
            }).sorted(Comparator.comparing(Path::toString)).forEach(out::add);
        }
        return out;
    }

    private void absorbLoop() {
        while (running) {
            try {
                Thread.sleep(1000);
                deleteAfterGrace();
                List<Path> files = landed();
                boolean quiet = System.nanoTime() - lastLandedNanos > idle.toNanos();
                if (!files.isEmpty() && (quiet || files.size() > maxFiles)) absorb(64);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Absorbing landed events into the warehouse failed; trying again: {}", e.toString());
            }
        }
    }

    /** Moves up to {@code most} of the oldest landed files into {@code events_stored} (one transaction; see the class comment). Returns the rows moved. */
    long absorb(int most) throws SQLException, IOException {
        absorbing.lock();
        try (var c = root.duplicate()) {
            List<Path> all = landed();
            if (all.isEmpty()) return 0;
            List<Path> files = all.subList(0, Math.min(all.size(), most));
            StringBuilder list = new StringBuilder("[");
            for (Path f : files) list.append(list.length() > 1 ? ", '" : "'").append(quote(f)).append('\'');
            list.append(']');
            long rows;
            c.setAutoCommit(false);
            try (var st = c.createStatement(); var ins = c.prepareStatement("INSERT INTO events_absorbed VALUES (?, now())")) {
                rows = st.executeUpdate("INSERT INTO events_stored SELECT " + columnList + " FROM read_parquet(" + list + ", hive_partitioning = false)");
                for (Path f : files) {
                    ins.setString(1, f.toString());
                    ins.addBatch();
                }
                ins.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            long now = System.nanoTime();
            for (Path f : files) toDelete.add(new Absorbed(f, now));
            log.debug("Absorbed {} landed file(s), {} events, into events_stored", files.size(), rows);
            return rows;
        } finally {
            absorbing.unlock();
        }
    }

    /** Deletes absorbed files whose grace period is over, then forgets them. */
    private void deleteAfterGrace() throws IOException, SQLException {
        long limit = System.nanoTime() - grace.toNanos();
        List<Absorbed> due = new ArrayList<>();
        for (Absorbed a : toDelete) if (a.atNanos() <= limit) due.add(a);
        if (due.isEmpty()) return;
        IOException[] failed = new IOException[1];
        boolean ran = quiet.run(() -> {
            try {
                for (Absorbed a : due) Files.deleteIfExists(a.file());
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (!ran) return; // a reader is busy: next second
        if (failed[0] != null) throw failed[0];
        try (var c = root.duplicate(); var del = c.prepareStatement("DELETE FROM events_absorbed WHERE file = ?")) {
            for (Absorbed a : due) {
                del.setString(1, a.file().toString());
                del.addBatch();
            }
            del.executeBatch();
        }
        toDelete.removeAll(due);
    }

    private static String quote(Path p) {
        return p.toString().replace("'", "''");
    }

    @Override
    public void close() {
        running = false;
        if (absorber != null) {
            absorber.interrupt();
            try {
                absorber.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
