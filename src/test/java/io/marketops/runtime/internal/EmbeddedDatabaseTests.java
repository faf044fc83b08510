package io.marketops.runtime.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTests {

    @Test
    void embeddedPostgresRunsDurably(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedDatabase.start(dir.resolve("pg"), dir.resolve("bin"));
             Connection c = pg.getPostgresDatabase().getConnection();
             var st = c.createStatement()) {
            for (String setting : new String[]{"fsync", "synchronous_commit", "full_page_writes"}) {
                try (var rs = st.executeQuery("SHOW " + setting)) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    void dataSurvivesARestartOnTheSameDirectory(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedDatabase.start(dir.resolve("pg"), dir.resolve("bin"));
             Connection c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TABLE kept(v text)");
            st.execute("INSERT INTO kept VALUES ('春季新品')");
        }
        try (EmbeddedPostgres pg = EmbeddedDatabase.start(dir.resolve("pg"), dir.resolve("bin"));
             Connection c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("春季新品");
        }
    }

    @Test
    void aStalePidFileOfADeadServerIsRemoved(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("postmaster.pid");
        Files.writeString(pid, "999999999\n" + dir + "\n");
        OrphanedServer.stopIfRunning(dir);
        assertThat(pid).doesNotExist();
    }

    @Test
    void anOrphanedServerIsStoppedCleanlyAndItsDataKept(@TempDir Path dir) throws Exception {
        // a child JVM starts PostgreSQL (pg_ctl detaches it), commits, and dies without shutting it down
        Path pgData = dir.resolve("pg");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(),
                pgData.toString(), dir.resolve("bin").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("orphan.log").toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(dir.resolve("orphan.log"))).isEqualTo(9);
        long orphan = OrphanedServer.readPid(pgData.resolve("postmaster.pid")).orElseThrow();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        OrphanedServer.stopIfRunning(pgData);

        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        try (EmbeddedPostgres pg = EmbeddedDatabase.start(pgData, dir.resolve("bin"));
             Connection c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }
}
