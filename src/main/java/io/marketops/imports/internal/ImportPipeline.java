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
        if (job.status() != ImportStatus.MERGING) {
            jobs.running(id);
            read(job, file, mapping, spec, new KindSpec.Ctx(ws.currency(), cipher), hook);
            job = jobs.byId(id).orElseThrow();
        }
        merge(job, mapping, spec);
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

    private void merge(Job job, ResolvedMapping mapping, KindSpec spec) {
        String src = spec.source(job.stagedFile());
        String records = spec.recordsSql(src);
        if (!"applying".equals(job.stage())) {
            List<ImportRejection> sample = new ArrayList<>(Rejects.fromJson(job.rejectionsJson()));
            long repeated;
            try (Rejects atMerge = new Rejects(job.rejectedAtMergeFile())) {
                warehouse.sql().sql(spec.duplicatesSql(src)).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    ImportRejection r = new ImportRejection(rs.getLong(1), null, null, spec.rejectionReason(rs.getLong(2)));
                    atMerge.reject(List.of(r));
                });
                atMerge.sample().stream().limit(Math.max(0, Rejects.SAMPLE - sample.size())).forEach(sample::add);
                repeated = atMerge.rows();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long total = warehouse.sql().sql("SELECT count(*) FROM (" + records + ")").query(Long.class).single();
            long existing = warehouse.sql().sql(spec.existingSql(records)).param(job.workspaceId()).query(Long.class).single();
            jobs.counted(job.id(), total - existing, existing, job.rejected() + repeated, Rejects.toJson(sample));
        }
        Runnable apply = () -> warehouse.sql().sql(spec.applySql(records, mapping)).param(job.workspaceId()).update();
        if (spec instanceof CustomerSpec) customers.apply(job, records, apply);
        else apply.run();
        Job done = jobs.byId(job.id()).orElseThrow();
        tx.executeWithoutResult(s -> {
            jobs.done(done.id());
            events.publishEvent(new ImportCompleted(done.workspaceId(), done.id(), done.kind(), done.imported(), done.updated(), done.rejected()));
        });
    }

    private static boolean blankOrTotals(List<String> cells) {
        for (String c : cells) {
            if (c == null || c.isBlank()) continue;
            return TOTALS.contains(Headers.normalize(c).toLowerCase(Locale.ROOT));
        }
        return true;
    }
}
