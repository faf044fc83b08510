package io.marketops.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Checks the configuration a person sets before anything starts, so a mistake ends start-up
 * with one line that says what is wrong and how to fix it, not a stack trace.
 */
public final class StartupChecks {

    private StartupChecks() {
    }

    /** Runs every check against the environment; prints the first problem and exits with code 2. */
    public static void verifyOrExit(Map<String, String> env) {
        check(env).ifPresent(problem -> {
            System.err.println("MarketOps cannot start: " + problem);
            System.exit(2);
        });
    }

    public static Optional<String> check(Map<String, String> env) {
        String portText = env.getOrDefault("MARKETOPS_PORT", "8080");
        int port;
        try {
            port = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            return Optional.of("MARKETOPS_PORT='" + portText + "' is not a number; set it to a port between 1 and 65535.");
        }
        if (port < 1 || port > 65535) {
            return Optional.of("MARKETOPS_PORT=" + port + " is out of range; set it to a port between 1 and 65535.");
        }
        if (!portFree(port)) {
            return Optional.of("port " + port + " is already in use; stop the program using it or set MARKETOPS_PORT to a free port.");
        }
        Path dataDir = Path.of(env.getOrDefault("MARKETOPS_DATA_DIR", "./data")).toAbsolutePath().normalize();
        Optional<String> dir = writable(dataDir);
        if (dir.isPresent()) return dir;
        String tz = env.get("MARKETOPS_TIMEZONE");
        if (tz != null && !tz.isBlank()) {
            try {
                ZoneId.of(tz.trim());
            } catch (DateTimeException e) {
                return Optional.of("MARKETOPS_TIMEZONE='" + tz + "' is not a time zone; use an IANA name such as Asia/Shanghai.");
            }
        }
        String locale = env.get("MARKETOPS_LOCALE");
        if (locale != null && !locale.isBlank() && !locale.trim().matches("(?i)zh-CN|zh_CN|en")) {
            return Optional.of("MARKETOPS_LOCALE='" + locale + "' is not supported; use zh-CN or en.");
        }
        String demo = env.get("MARKETOPS_DEMO");
        if (demo != null && !demo.isBlank() && !demo.trim().matches("(?i)true|false")) {
            return Optional.of("MARKETOPS_DEMO='" + demo + "' must be true or false.");
        }
        String url = env.get("MARKETOPS_DB_URL");
        if (url != null && !url.isBlank()) {
            return reachable(url.trim(), env.get("MARKETOPS_DB_USER"), env.get("MARKETOPS_DB_PASSWORD"));
        }
        return Optional.empty();
    }

    static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<String> writable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("data directory " + dataDir + " is not writable (" + e.getClass().getSimpleName()
                    + "); set MARKETOPS_DATA_DIR to a directory you can write to.");
        }
    }

    static Optional<String> reachable(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql:")) {
            return Optional.of("MARKETOPS_DB_URL='" + url + "' is not a PostgreSQL JDBC URL; use jdbc:postgresql://host:5432/marketops.");
        }
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "5");
        try (var c = DriverManager.getConnection(url, props)) {
            return Optional.empty();
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
            return Optional.of("cannot connect to the database at " + safe(url) + " (" + reason
                    + "); check MARKETOPS_DB_URL, MARKETOPS_DB_USER and MARKETOPS_DB_PASSWORD, or unset MARKETOPS_DB_URL to use the embedded database.");
        }
    }

    private static String safe(String url) {
        try {
            URI u = URI.create(url.substring(5));
            return "postgresql://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + u.getPath();
        } catch (Exception e) {
            return "the given URL";
        }
    }
}
