package io.marketops.imports.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.imports.ImportsProperties;
import io.marketops.runtime.MarketOpsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs import jobs on a small pool of background threads. At start-up it resumes the jobs this
 * server left unfinished (found by their files under its data directory) and deletes the files
 * of jobs older than {@code marketops.imports.keep-files}. On shutdown running jobs are left
 * unfinished on purpose; they resume at the next start.
 */
@Component
class ImportRunner implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private final ImportJobs jobs;
    private final ImportPipeline pipeline;
    private final ImportsProperties props;
    private final Path root;
    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    ImportRunner(ImportJobs jobs, ImportPipeline pipeline, ImportsProperties props, MarketOpsProperties app) {
        this.jobs = jobs;
        this.pipeline = pipeline;
        this.props = props;
        this.root = app.dataDir().resolve("imports").toAbsolutePath();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(props.workers(), r -> {
            Thread t = new Thread(r, "import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    Path root() {
        return root;
    }

    /** Runs the job unless it is already running here; the future completes when the job ends either way. */
    CompletableFuture<Void> submit(String id) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        CompletableFuture<Void> existing = running.putIfAbsent(id, f);
        if (existing != null) return existing;
        pool.execute(() -> {
            try {
                execute(id);
            } finally {
                f.complete(null);
                running.remove(id, f);
            }
        });
        return f;
    }

    Optional<CompletableFuture<Void>> future(String id) {
        return Optional.ofNullable(running.get(id));
    }

    private void execute(String id) {
        try {
            pipeline.run(id, ImportPipeline.RowHook.NONE);
        } catch (ImportPipeline.Interrupted e) {
            log.info("Import {} interrupted by shutdown; it resumes at the next start", id);
        } catch (InvalidRequest e) {
            jobs.failed(id, e.getMessage());
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("Import {} stopped by shutdown ({}); it resumes at the next start", id, e.getMessage());
                return;
            }
            log.error("Import {} failed", id, e);
            jobs.failed(id, "internal error: " + e.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAndClean() {
        for (Job job : jobs.unfinishedUnder(root)) {
            log.info("Resuming import {} ({} of {}, was {})", job.id(), job.kind().slug(), job.fileName(), job.status().value());
            submit(job.id());
        }
        for (Job job : jobs.expiredUnder(root, Timestamp.from(Instant.now().minus(props.keepFiles())))) {
            try {
                FileSystemUtils.deleteRecursively(job.workDir());
            } catch (IOException e) {
                log.warn("Cannot delete the files of import {}: {}", job.id(), e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        pool.shutdownNow();
    }
}
