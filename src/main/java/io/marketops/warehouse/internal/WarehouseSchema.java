package io.marketops.warehouse.internal;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/**
 * Applies {@code classpath:warehouse/schema/*.sql} in file-name order, once each, recording
 * them in {@code warehouse_schema}. Modules add their own files (prefix the name with a number).
 */
final class WarehouseSchema {
    private static final Logger log = LoggerFactory.getLogger(WarehouseSchema.class);
    private final DuckDBConnection root;

    WarehouseSchema(DuckDBConnection root) {
        this.root = root;
    }

    void migrate() throws SQLException, IOException {
        try (var c = root.duplicate(); var st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS warehouse_schema (name VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ DEFAULT now())");
            Set<String> applied = new HashSet<>();
            try (var rs = st.executeQuery("SELECT name FROM warehouse_schema")) {
                while (rs.next()) applied.add(rs.getString(1));
            }
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:warehouse/schema/*.sql");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource f : files) {
                if (applied.contains(f.getFilename())) continue;
                String sql = f.getContentAsString(StandardCharsets.UTF_8);
                c.setAutoCommit(false);
                st.execute(sql);
                try (var ps = c.prepareStatement("INSERT INTO warehouse_schema(name) VALUES (?)")) {
                    ps.setString(1, f.getFilename());
                    ps.executeUpdate();
                }
                c.commit();
                c.setAutoCommit(true);
                log.info("Warehouse schema {} applied", f.getFilename());
            }
        }
    }
}
