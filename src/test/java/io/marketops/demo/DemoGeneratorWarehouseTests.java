package io.marketops.demo;

import io.marketops.warehouse.StandaloneWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's rows on a real DuckDB warehouse (no Spring): they load and hold together in SQL. */
class DemoGeneratorWarehouseTests {

    @Test
    void generatedRowsLoadIntoTheWarehouseAndAgreeWithTheManifest(@TempDir Path dir) {
        GeneratorSpec spec = GeneratorSpec.of(42, 5, LocalDate.of(2026, 11, 20)).withDays(30).withTargetEvents(25_000);
        Manifest[] manifest = new Manifest[1];

        try (StandaloneWarehouse warehouse = StandaloneWarehouse.open(dir)) {
            warehouse.append(sink -> manifest[0] = new DemoGenerator().generate(spec, sink));
            Manifest.Counts c = manifest[0].counts();

            assertThat(count(warehouse, "SELECT count(*) FROM events WHERE workspace_id = ?")).isEqualTo(c.events());
            assertThat(count(warehouse, "SELECT count(*) FROM events WHERE workspace_id = ? AND type = 'page'")).isEqualTo(c.pageViews());
            assertThat(count(warehouse, "SELECT count(*) FROM orders WHERE workspace_id = ?")).isEqualTo(c.orders());
            assertThat(count(warehouse, "SELECT count(*) FROM customers WHERE workspace_id = ?")).isEqualTo(c.customers());
            assertThat(count(warehouse, "SELECT count(*) FROM ad_costs WHERE workspace_id = ?")).isEqualTo(c.adCostRows());
            assertThat(count(warehouse, "SELECT count(*) FROM content_metrics WHERE workspace_id = ?")).isEqualTo(c.contentRows());
            assertThat(warehouse.sql().sql("SELECT sum(amount) FROM orders WHERE workspace_id = ?").param(5L)
                    .query(java.math.BigDecimal.class).single()).isEqualByComparingTo(manifest[0].totals().gmv());
            // every purchase has its order, and every order's customer exists
            assertThat(count(warehouse, """
                    SELECT count(*) FROM events e WHERE e.workspace_id = ? AND e.event = 'purchase'
                      AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = e.workspace_id AND o.order_id = e.order_id)""")).isZero();
            assertThat(count(warehouse, """
                    SELECT count(*) FROM orders o WHERE o.workspace_id = ?
                      AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.workspace_id = o.workspace_id AND c.customer_id = o.customer_id)""")).isZero();
            // JSON columns hold valid JSON that DuckDB can read
            assertThat(count(warehouse, "SELECT count(*) FROM events WHERE workspace_id = ? AND json_extract_string(context, '$.locale') = 'zh-CN'"))
                    .isEqualTo(c.events());
        }
    }

    private static long count(StandaloneWarehouse warehouse, String sql) {
        return warehouse.sql().sql(sql).param(5L).query(Long.class).single();
    }
}
