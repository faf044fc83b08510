package io.marketops.runtime.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * After a {@code kill -9} of MarketOps the embedded PostgreSQL, which {@code pg_ctl} detached,
 * may still run on our data directory, or have left a stale {@code postmaster.pid}. Stop the
 * orphan the way {@code pg_ctl stop -m fast} would (SIGINT: roll back open transactions,
 * checkpoint, exit) so the next start owns the data directory; committed data is kept.
 */
final class OrphanedServer {
    private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

    private OrphanedServer() {
    }

    static void stopIfRunning(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        Optional<Long> pid = readPid(pidFile);
        Optional<ProcessHandle> proc = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(OrphanedServer::isPostgres);
        if (proc.isEmpty()) {
            log.warn("Removing stale {} left by a server that is no longer running", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        long p = proc.get().pid();
        log.warn("PostgreSQL (pid {}) from a previous run is still running on {}; stopping it cleanly", p, pgData);
        signal(p, "INT");
        if (!waitForExit(proc.get(), 60)) {
            log.warn("PostgreSQL (pid {}) did not stop within 60 s; sending an immediate shutdown", p);
            signal(p, "QUIT");
            if (!waitForExit(proc.get(), 30)) {
                throw new IllegalStateException("PostgreSQL (pid " + p + ") from a previous run does not stop; stop it by hand and start again");
            }
        }
        Files.deleteIfExists(pidFile);
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("postgres") || c.contains("/postgres")).orElse(true);
    }

    private static void signal(long pid, String sig) {
        try {
            new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal PostgreSQL pid " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle p, int seconds) {
        for (int i = 0; i < seconds * 10; i++) {
            if (!p.isAlive()) return true;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !p.isAlive();
    }
}
