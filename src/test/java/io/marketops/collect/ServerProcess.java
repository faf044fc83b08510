package io.marketops.collect;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * MarketOps in a child JVM, started as a person would (embedded PostgreSQL with fsync on, a
 * data directory of its own), for tests that kill it with {@code kill -9} and for benchmarks.
 */
final class ServerProcess implements AutoCloseable {
    static final String TOKEN = "proc-admin-token-0001";
    static final String WRITE_KEY = "proc-write-key-0001";

    final Path dataDir;
    final int port;
    private Process process;
    private final Map<String, String> extraEnv = new java.util.HashMap<>();

    ServerProcess(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    /** An environment variable for the server, set before {@link #start}. */
    ServerProcess env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    long pid() {
        return process.pid();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the server and waits until it answers its health check. */
    void start(String... jvmArgs) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1500m", "-XX:+UseParallelGC"));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.marketops.MarketOpsApplication"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("MARKETOPS_PORT", Integer.toString(port));
        env.put("MARKETOPS_DATA_DIR", dataDir.toString());
        env.put("MARKETOPS_DEMO", "false");
        env.put("MARKETOPS_BOOTSTRAP_TOKEN", TOKEN);
        env.put("MARKETOPS_BOOTSTRAP_WRITE_KEY", WRITE_KEY);
        env.put("MARKETOPS_ADMIN_PASSWORD", "proc-Admin-pass-1");
        env.putAll(extraEnv);
        Files.createDirectories(dataDir);
        process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("server exited: " + tail());
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("server did not answer within 180 s: " + tail());
    }

    /** A crash: the JVM dies at once (the embedded PostgreSQL it started stays behind, as after a real crash). */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("server.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops the server cleanly, then any database server still running on its data directory. */
    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            long p = Long.parseLong(Files.readAllLines(pid).get(0).trim());
            ProcessHandle.of(p).ifPresent(h -> {
                h.destroy();
                h.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> null).join();
            });
        }
        if (System.getProperty("keepServerData") == null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
