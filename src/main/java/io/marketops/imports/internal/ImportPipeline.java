package io.marketops.imports.internal;

import io.marketops.core.WorkspaceId;
import io.marketops.imports.ImportCompleted;
import io.marketops.imports.ImportRejection;
import io.marketops.imports.ImportStatus;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs one import job: read and validate every row into the staging file (nothing in the
 * warehouse changes), then count and apply the staged records in one transaction. A job found
 * "merging" resumes at the merge, which is idempotent (upserts by natural key), so a crash at any
 * point leaves either nothing applied or, after the restart, everything.
 */
@Component
class ImportPipeline {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportPipeline.class);
    private static final Set<String> TOTALS = Set.of("合计", "总计", "汇总", "总和", "total", "totals", "grandtotal", "sum");

    /** Called after each row read; tests use it to stop a job midway as a crash would. */
    @FunctionalInterface
    interface RowHook {
        RowHook NONE = rows -> {
        };

        void afterRow(long rows);
    }

    /** The server is stopping: the job stays unfinished and is resumed at the next start. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("import interrupted by shutdown", null, false, false);
        }
    }

    private final ImportJobs jobs;
    private final Warehouse warehouse;
    private final Workspaces workspaces;
    private final PiiCipher cipher;
    private final CustomerStore customers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ImportPipeline(ImportJobs jobs, Warehouse warehouse, Workspaces workspaces, PiiCipher cipher, CustomerStore customers,
                   ApplicationEventPublisher events, TransactionTemplate tx) {
        this.jobs = jobs;
        this.warehouse = warehouse;
        this.workspaces = workspaces;
        this.cipher = cipher;
        this.customers = customers;
        this.events = events;
        this.tx = tx;
    }

    void run(String id, RowHook hook) {
        Job job = jobs.byId(id).orElseThrow();
        if (job.status() == ImportStatus.DONE || job.status() == ImportStatus.FAILED || job.status() == ImportStatus.DRAFT) return;
        Workspace ws = workspaces.get(WorkspaceId.of(job.workspaceId()));
        SourceFile file = SourceFile.sniff(job.sourceFile(), job.fileName());
        ResolvedMapping mapping = ResolvedMapping.resolve(job.kind(), Preview.headerAt(file, job.headerRow()),
                MappingJson.read(job.mappingJson()), ws.timezone());
        KindSpec spec = KindSpec.of(job.kind());
        long t0 = System.nanoTime();
        if (job.status() != ImportStatus.MERGING) {
            jobs.running(id);
            read(job, file, mapping, spec, new KindSpec.Ctx(ws.currency(), cipher), hook);
            job = jobs.byId(id).orElseThrow();
        }
        long t1 = System.nanoTime();
        merge(job, mapping, spec);
        log.info("Import {} ({} of {}, {}): {} rows read and staged in {} ms, applied in {} ms", id, job.kind().slug(), job.fileName(),
                file, job.rows(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    private void read(Job job, SourceFile file, ResolvedMapping mapping, KindSpec spec, KindSpec.Ctx ctx, RowHook hook) {
        RowReader reader = new RowReader(mapping);
        long[] counts = new long[2]; // rows, skipped
        long[] lastReport = {System.currentTimeMillis()};
        try (StagingFile staged = new StagingFile(job.stagedFile(), spec.staged().keySet());
             Rejects rejects = new Rejects(job.rejectedFile())) {
            file.read((n, cells) -> {
                if (n <= job.headerRow()) return;
                if (blankOrTotals(cells)) {
                    counts[1]++;
                    return;
                }
                counts[0]++;
                String[] values = spec.convert(reader.reset(n, cells), ctx);
                if (values == null) rejects.reject(reader.problems());
                else staged.write(values);
                hook.afterRow(counts[0]);
                if ((counts[0] & 0x3FFF) == 0 && Thread.currentThread().isInterrupted()) throw new Interrupted();
            }, p -> {
                long now = System.currentTimeMillis();
                if (now - lastReport[0] >= 500) {
                    lastReport[0] = now;
                    jobs.progress(job.id(), "reading", 0.9 * p);
                }
            });
            staged.close();
            rejects.close();
            jobs.staged(job.id(), counts[0], rejects.rows(), counts[1], ctx.otherCurrencyRows, Rejects.toJson(rejects.sample()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the staging files of import " + job.id(), e);
        }
    }

    /**
     * Loads the staging file into a staging table, derives the records to apply into a second one
     * (first row per key, or lines grouped into orders), counts, then upserts them in one statement.
     * Both tables are rebuilt from the staging file on a resume and dropped at the end.
     */
    private void merge(Job job, ResolvedMapping mapping, KindSpec spec) {
        String stage = "imports_stage_" + job.id().replace("-", "");  // a UUID: safe as an identifier
        String records = stage + "_records";
        try {
            warehouse.sql().sql("CREATE OR REPLACE TABLE " + stage + " AS SELECT * FROM " + spec.source(job.stagedFile())).update();
            warehouse.sql().sql("CREATE OR REPLACE TABLE " + records + " AS " + spec.recordsSql(stage)).update();
            if (!"applying".equals(job.stage())) count(job, spec, stage, records);
            String select = "SELECT * FROM " + records;
            Runnable apply = () -> warehouse.sql().sql(spec.applySql(select, mapping)).param(job.workspaceId()).update();
            if (spec instanceof CustomerSpec) customers.apply(job, select, apply);
            else apply.run();
        } finally {
            warehouse.sql().sql("DROP TABLE IF EXISTS " + records).update();
            warehouse.sql().sql("DROP TABLE IF EXISTS " + stage).update();
        }
        Job done = jobs.byId(job.id()).orElseThrow();
        tx.executeWithoutResult(s -> {
            jobs.done(done.id());
            events.publishEvent(new ImportCompleted(done.workspaceId(), done.id(), done.kind(), done.imported(), done.updated(), done.rejected()));
        });
    }

    /** Rejects rows repeating a key (or mixing currencies in an order), counts new and existing records, and saves the counts. */
    private void count(Job job, KindSpec spec, String stage, String records) {
        List<ImportRejection> sample = new ArrayList<>(Rejects.fromJson(job.rejectionsJson()));
        long repeated;
        try (Rejects atMerge = new Rejects(job.rejectedAtMergeFile())) {
            warehouse.sql().sql(spec.duplicatesSql(stage)).query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                    atMerge.reject(List.of(new ImportRejection(rs.getLong(1), null, null, spec.rejectionReason(rs.getLong(2))))));
            atMerge.sample().stream().limit(Math.max(0, Rejects.SAMPLE - sample.size())).forEach(sample::add);
            repeated = atMerge.rows();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long total = warehouse.sql().sql("SELECT count(*) FROM " + records).query(Long.class).single();
        long existing = warehouse.sql().sql(spec.existingSql("SELECT * FROM " + records)).param(job.workspaceId()).query(Long.class).single();
        jobs.counted(job.id(), total - existing, existing, job.rejected() + repeated, Rejects.toJson(sample));
    }

    private static boolean blankOrTotals(List<String> cells) {
        for (String c : cells) {
            if (c == null || c.isBlank()) continue;
            return c.length() <= 20 && !Character.isDigit(c.charAt(0)) && TOTALS.contains(Headers.normalize(c).toLowerCase(Locale.ROOT));
        }
        return true;
    }
}
