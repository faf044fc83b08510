package io.marketops.demo.internal;

import io.marketops.demo.DemoGenerator;
import io.marketops.demo.GeneratorSpec;
import io.marketops.demo.Manifest;
import io.marketops.runtime.MarketOpsProperties;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.AuditLog;
import io.marketops.workspace.DefaultWorkspace;
import io.marketops.workspace.Workspace;
import io.marketops.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Fills the demo workspace once, before the server takes requests: 180 days ending yesterday
 * (workspace time zone) from seed 42. Done is recorded in {@code demo_state}; a start that
 * crashed half-way finds no record, removes whatever facts it left and generates again, so the
 * demo is never duplicated.
 */
@Component
class DemoWorkspace implements SmartInitializingSingleton {
    static final long SEED = 42;
    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);
    private static final List<String> FACT_TABLES = List.of("events", "orders", "ad_costs", "content_metrics", "customers");

    private final MarketOpsProperties props;
    private final DefaultWorkspace defaultWorkspace;
    private final Workspaces workspaces;
    private final Warehouse warehouse;
    private final JdbcClient db;
    private final AuditLog audit;

    DemoWorkspace(MarketOpsProperties props, DefaultWorkspace defaultWorkspace, Workspaces workspaces, Warehouse warehouse,
                  JdbcClient db, AuditLog audit) {
        this.props = props;
        this.defaultWorkspace = defaultWorkspace;
        this.workspaces = workspaces;
        this.warehouse = warehouse;
        this.db = db;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!props.demo()) return;
        Workspace demo = workspaces.all().stream().filter(Workspace::demo).findFirst().orElse(null);
        if (demo == null) {
            log.info("No demo workspace: this data directory was first started with MARKETOPS_DEMO=false; use a fresh MARKETOPS_DATA_DIR for the demo.");
            return;
        }
        boolean done = db.sql("SELECT count(*) FROM demo_state WHERE workspace_id = ?").param(demo.id().value()).query(Long.class).single() > 0;
        if (done) return;
        fill(demo);
    }

    void fill(Workspace demo) {
        long t0 = System.nanoTime();
        long ws = demo.id().value();
        for (String table : FACT_TABLES) {
            warehouse.deleteWorkspaceRows(table, ws);
        }
        LocalDate end = LocalDate.now(demo.timezone()).minusDays(1);
        GeneratorSpec spec = GeneratorSpec.of(SEED, ws, end).withZone(demo.timezone());
        Manifest[] manifest = new Manifest[1];
        warehouse.append(sink -> manifest[0] = new DemoGenerator().generate(spec, sink));
        db.sql("INSERT INTO demo_state(workspace_id, seed, end_date, manifest) VALUES (?, ?, ?, ?)")
                .params(ws, SEED, end, manifest[0].toJson()).update();
        audit.record(demo.id(), "system", "demo.generated", "workspace:" + ws,
                null, manifest[0].counts().events() + " events, " + manifest[0].counts().orders() + " orders");
        System.out.printf("Demo workspace \"%s\" filled: %,d events, %,d orders, 180 days up to %s (%.1f s)%n", demo.name(),
                manifest[0].counts().events(), manifest[0].counts().orders(), end, (System.nanoTime() - t0) / 1e9);
    }
}
