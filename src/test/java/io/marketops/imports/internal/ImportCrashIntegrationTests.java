package io.marketops.imports.internal;

import io.marketops.imports.ColumnMapping;
import io.marketops.imports.ImportKind;
import io.marketops.imports.ImportStatus;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server that dies in the middle of an import leaves nothing half-applied, and the resume at start finishes the job exactly once. */
@IntegrationTest
class ImportCrashIntegrationTests {
    static final int ROWS = 5000;

    @Autowired TestWorkspaces workspaces;
    @Autowired ImportService imports;
    @Autowired ImportJobs jobs;
    @Autowired ImportPipeline pipeline;
    @Autowired ImportRunner runner;
    @Autowired Warehouse warehouse;
    @Autowired JdbcClient db;

    TestWorkspaces.Fresh ws;

    @BeforeEach
    void fresh() {
        ws = workspaces.create("crash");
    }

    /** A queued job that no thread runs yet: the test plays the server. */
    private String queuedJob() throws IOException {
        Path file = Files.createTempFile("orders", ".csv");
        StringBuilder csv = new StringBuilder("order_id,customer_id,order_time,amount\n");
        for (int i = 0; i < ROWS; i++) csv.append("O").append(i).append(",c").append(i % 300).append(",2026-11-0").append(1 + i % 9).append(" 10:00:00,").append(10 + i % 50).append('\n');
        Files.writeString(file, csv);
        var draft = imports.draft(ws.workspace().id(), ImportKind.ORDERS, file, "orders.csv", "test");
        var headers = draft.headers();
        var mapping = ResolvedMapping.resolve(ImportKind.ORDERS, headers, new ColumnMapping(Map.of(), Map.of(), null, null, null, false), ws.workspace().timezone());
        assertThat(jobs.queue(ws.id(), draft.importId(), null, MappingJson.write(mapping.asColumnMapping(null)))).isTrue();
        return draft.importId();
    }

    private long orders() {
        return warehouse.sql().sql("SELECT count(*) FROM orders WHERE workspace_id = ?").param(ws.id()).query(Long.class).single();
    }

    @Test
    void aCrashWhileReadingLeavesTheWarehouseUntouchedAndTheResumeImportsEveryRowOnce() throws Exception {
        String id = queuedJob();

        assertThatThrownBy(() -> pipeline.run(id, rows -> {
            if (rows == ROWS / 2) throw new IllegalStateException("simulated crash");
        })).hasMessage("simulated crash");

        assertThat(orders()).isZero();
        assertThat(jobs.byId(id).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);

        runner.resumeAndClean();
        var done = imports.await(ws.workspace().id(), id, java.time.Duration.ofSeconds(60));
        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.rows()).isEqualTo(ROWS);
        assertThat(done.imported()).isEqualTo(ROWS);
        assertThat(orders()).isEqualTo(ROWS);
    }

    @Test
    void aCrashAfterTheWarehouseCommitIsFinishedByTheResumeWithoutCountingTwice() throws Exception {
        String id = queuedJob();
        pipeline.run(id, ImportPipeline.RowHook.NONE);
        assertThat(orders()).isEqualTo(ROWS);
        // the server died after the upsert committed but before the job was marked done
        db.sql("UPDATE imports_jobs SET status = 'merging', stage = 'applying', progress = 0.95, finished_at = NULL WHERE id = ?").param(id).update();

        runner.resumeAndClean();
        var done = imports.await(ws.workspace().id(), id, java.time.Duration.ofSeconds(60));

        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.imported()).isEqualTo(ROWS);
        assertThat(done.updated()).isZero();
        assertThat(orders()).isEqualTo(ROWS);
    }
}
