package io.marketops.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One real PostgreSQL per test run, shared by every Spring context; each context gets its own
 * data directory (and so its own warehouse file). Tests must not assume an empty database.
 */
public final class SharedPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static EmbeddedPostgres postgres;

    public static synchronized EmbeddedPostgres instance() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")          // tests only: speed over durability
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
        }
        return postgres;
    }

    public static String jdbcUrl() {
        return instance().getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void initialize(ConfigurableApplicationContext ctx) {
        Map<String, Object> p = new HashMap<>();
        p.put("marketops.db.url", jdbcUrl());
        p.put("marketops.db.user", "postgres");
        p.put("marketops.db.password", "");
        try {
            Path dir = Files.createTempDirectory("marketops-test-");
            dir.toFile().deleteOnExit();
            p.put("marketops.data-dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.putIfAbsent("marketops.demo", "false");
        p.put("marketops.anomalies.schedule", "false"); // the hourly check would run detection for every test's workspace
        p.put("marketops.admin-password", TestUsers.ADMIN_PASSWORD);
        p.put("marketops.bootstrap-token", TestUsers.BOOTSTRAP_TOKEN);
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("shared-postgres", p));
    }
}
