package io.marketops.runtime.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;

/**
 * Run in a child JVM by the crash test: starts embedded PostgreSQL on a data dir, commits a
 * row, then dies like a {@code kill -9} (no shutdown hooks), leaving the server orphaned.
 */
public final class OrphanMaker {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedDatabase.start(Path.of(args[0]), Path.of(args[1]));
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TABLE kept(v int)");
            st.execute("INSERT INTO kept VALUES (42)");
        }
        System.out.println("committed");
        System.out.flush();
        Runtime.getRuntime().halt(9);
    }
}
