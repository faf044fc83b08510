package io.marketops.runtime.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.marketops.runtime.MarketOpsProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The system-of-record data source. With no {@code MARKETOPS_DB_URL} it starts real PostgreSQL
 * binaries on the data directory, with fsync and synchronous commit on (the library's test
 * defaults turn both off), after stopping a server orphaned by a crash of a previous run.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabase {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Holds the embedded server, if any, so it is closed after the pool (destroy order follows dependencies). */
    record Server(EmbeddedPostgres postgres) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (postgres != null) postgres.close();
        }
    }

    @Bean(destroyMethod = "close")
    Server embeddedServer(MarketOpsProperties props) throws IOException {
        if (!props.db().embedded()) return new Server(null);
        Path pgData = props.dataDir().toAbsolutePath().resolve("postgres");
        Files.createDirectories(pgData);
        OrphanedServer.stopIfRunning(pgData);
        long t0 = System.nanoTime();
        EmbeddedPostgres pg = start(pgData, props.dataDir().toAbsolutePath().resolve("postgres-bin"));
        log.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", pg.getPort(), pgData, (System.nanoTime() - t0) / 1_000_000);
        return new Server(pg);
    }

    static EmbeddedPostgres start(Path pgData, Path binaries) throws IOException {
        Files.createDirectories(binaries);
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPGStartupWait(Duration.ofSeconds(90))
                // real data lives here: durability on, unlike the library's test defaults
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                .start();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(MarketOpsProperties props, Server server) {
        HikariConfig c = new HikariConfig();
        if (server.postgres() != null) {
            c.setJdbcUrl(server.postgres().getJdbcUrl("postgres", "postgres"));
            c.setUsername("postgres");
        } else {
            c.setJdbcUrl(props.db().url());
            c.setUsername(props.db().user());
            c.setPassword(props.db().password());
        }
        c.setPoolName("marketops");
        c.setMaximumPoolSize(16);
        c.setConnectionTimeout(10_000);
        return new HikariDataSource(c);
    }
}
