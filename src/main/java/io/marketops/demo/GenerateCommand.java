package io.marketops.demo;

import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.ContentMetricRow;
import io.marketops.warehouse.CustomerRow;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.FactAppender;
import io.marketops.warehouse.OrderRow;
import io.marketops.warehouse.StandaloneWarehouse;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code marketops generate}: writes a demo/benchmark data set into a standalone warehouse
 * directory, exports its Parquet partitions and {@code manifest.json}. Progress goes to
 * stderr, a one-line summary to stdout. Exit codes: 0 done, 1 failed, 2 bad arguments
 * (including a workspace that already has data, unless {@code --replace}).
 */
public final class GenerateCommand {
    static final List<String> TABLES = List.of("events", "orders", "ad_costs", "content_metrics", "customers");
    static final List<String> EXPORTED = List.of("events", "orders", "ad_costs", "content_metrics");
    /** Rows per append transaction; larger transactions make DuckDB's appender slower, not faster. */
    static final long ROWS_PER_TRANSACTION = 500_000;

    private GenerateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command; {@code args} may start with the word {@code generate}. Returns the exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err, Clock.systemUTC());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        GenerateArguments a;
        try {
            a = GenerateArguments.parse(args, clock);
        } catch (GenerateArguments.Invalid | IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            return 2;
        }
        if (a.help()) {
            out.print(GenerateArguments.USAGE);
            return 0;
        }
        try {
            return generate(a, out, err);
        } catch (RuntimeException | IOException e) {
            err.println("generate failed: " + e.getMessage());
            return 1;
        }
    }

    private static int generate(GenerateArguments a, PrintStream out, PrintStream err) throws IOException {
        GeneratorSpec spec = a.spec();
        long workspace = spec.workspaceId();
        Path dir = a.out().toAbsolutePath().normalize();
        long started = System.nanoTime();
        err.printf(Locale.ROOT, "Generating %s events, seed %d, %s..%s (%s), workspace %d into %s%n",
                spec.targetEvents() == 0 ? "demo-size" : String.format(Locale.ROOT, "~%,d", spec.targetEvents()),
                spec.seed(), spec.from(), spec.endDate(), spec.zone().getId(), workspace, dir);
        Files.createDirectories(dir);
        try (StandaloneWarehouse warehouse = StandaloneWarehouse.open(dir)) {
            long existing = existingRows(warehouse, workspace);
            if (existing > 0 && !a.replace()) {
                err.printf(Locale.ROOT, "generate: --workspace %d already has %,d rows in %s; pass --replace to overwrite "
                        + "them, or choose another --workspace or --out%n", workspace, existing, dir);
                return 2;
            }
            if (existing > 0) {
                err.printf(Locale.ROOT, "Replacing %,d existing rows of workspace %d%n", existing, workspace);
                delete(warehouse, workspace);
            }
            long expected = spec.targetEvents() > 0 ? spec.targetEvents() : 4_200L * spec.days();
            Manifest manifest = PipelinedAppend.run(warehouse, ROWS_PER_TRANSACTION,
                    sink -> new DemoGenerator().generate(spec, new Progress(sink, expected, spec, err, started)));
            err.printf(Locale.ROOT, "Appended %,d events in %.1f s; exporting Parquet%n", manifest.counts().events(), seconds(started));
            for (String table : EXPORTED) {
                warehouse.exportParquet(table, workspace, spec.zone(), spec.from(), spec.endDate());
            }
            Files.writeString(dir.resolve("manifest.json"), manifest.toJson(), StandardCharsets.UTF_8);
            Manifest.Counts c = manifest.counts();
            out.printf(Locale.ROOT, "generated %,d events (%,d page views), %,d orders, %,d customers, %,d ad cost rows, "
                            + "%,d content rows for %s..%s; GMV %s CNY, ad cost %s CNY; into %s in %.1f s%n",
                    c.events(), c.pageViews(), c.orders(), c.customers(), c.adCostRows(), c.contentRows(),
                    manifest.from(), manifest.to(), manifest.totals().gmv().toPlainString(),
                    manifest.totals().adCost().toPlainString(), dir, seconds(started));
            return 0;
        }
    }

    private static long existingRows(StandaloneWarehouse warehouse, long workspace) {
        long rows = 0;
        for (String table : TABLES) {
            // table names come from the fixed list above, never from input
            rows += warehouse.sql().sql("SELECT count(*) FROM " + table + " WHERE workspace_id = ?")
                    .param(workspace).query(Long.class).single();
        }
        return rows;
    }

    private static void delete(StandaloneWarehouse warehouse, long workspace) throws IOException {
        for (String table : TABLES) {
            warehouse.deleteWorkspaceRows(table, workspace);
        }
        for (String table : EXPORTED) {
            Path partitions = warehouse.parquetDir().resolve(table).resolve("workspace_id=" + workspace);
            if (!Files.exists(partitions)) continue;
            try (Stream<Path> files = Files.walk(partitions)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Reports on stderr about every tenth of the expected events, with the day reached. */
    private static final class Progress implements FactAppender {
        private final FactAppender target;
        private final long every;
        private final long expected;
        private final GeneratorSpec spec;
        private final PrintStream err;
        private final long started;
        private long events;
        private long next;

        Progress(FactAppender target, long expected, GeneratorSpec spec, PrintStream err, long started) {
            this.target = target;
            this.expected = expected;
            this.every = Math.max(100_000, expected / 10);
            this.next = every;
            this.spec = spec;
            this.err = err;
            this.started = started;
        }

        @Override
        public void event(EventRow row) {
            target.event(row);
            if (++events == next) {
                next += every;
                LocalDate day = LocalDate.ofInstant(row.ts(), spec.zone());
                err.printf(Locale.ROOT, "  %,d events (~%d%%), at %s, %.1f s%n", events,
                        Math.min(99, events * 100 / Math.max(1, expected)), day, seconds(started));
            }
        }

        @Override public void order(OrderRow row) { target.order(row); }
        @Override public void adCost(AdCostRow row) { target.adCost(row); }
        @Override public void contentMetric(ContentMetricRow row) { target.contentMetric(row); }
        @Override public void customer(CustomerRow row) { target.customer(row); }
    }
}
