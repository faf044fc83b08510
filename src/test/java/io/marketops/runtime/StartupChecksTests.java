package io.marketops.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StartupChecksTests {
    static final String FREE = freePort();

    static String freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return Integer.toString(s.getLocalPort());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }


    @Test
    void aPortInUseIsNamedWithTheFix(@TempDir Path dir) throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            var problem = StartupChecks.check(Map.of("MARKETOPS_PORT", Integer.toString(busy.getLocalPort()), "MARKETOPS_DATA_DIR", dir.toString()));
            assertThat(problem).get().asString().contains("port " + busy.getLocalPort() + " is already in use").contains("MARKETOPS_PORT");
        }
    }

    @Test
    void aPortThatIsNotANumberIsRefused() {
        assertThat(StartupChecks.check(Map.of("MARKETOPS_PORT", "eighty"))).get().asString().contains("MARKETOPS_PORT='eighty' is not a number");
    }

    @Test
    void anUnwritableDataDirIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("not-a-dir"));
        var problem = StartupChecks.check(Map.of("MARKETOPS_PORT", FREE, "MARKETOPS_DATA_DIR", file.resolve("data").toString()));
        assertThat(problem).get().asString().contains("is not writable").contains("MARKETOPS_DATA_DIR");
        Path locked = Files.createDirectory(dir.resolve("locked"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        if (!"root".equals(System.getProperty("user.name"))) {
            assertThat(StartupChecks.check(Map.of("MARKETOPS_PORT", FREE, "MARKETOPS_DATA_DIR", locked.toString()))).isPresent();
        }
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutItsPassword(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        var problem = StartupChecks.check(Map.of("MARKETOPS_PORT", FREE, "MARKETOPS_DATA_DIR", dir.toString(),
                "MARKETOPS_DB_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/marketops", "MARKETOPS_DB_PASSWORD", "s3cret"));
        assertThat(problem).get().asString().contains("cannot connect to the database at postgresql://127.0.0.1:" + closed)
                .contains("MARKETOPS_DB_URL").doesNotContain("s3cret");
    }

    @Test
    void badTimeZoneLocaleAndDemoFlagAreRefused(@TempDir Path dir) {
        Map<String, String> base = Map.of("MARKETOPS_PORT", FREE, "MARKETOPS_DATA_DIR", dir.toString());
        assertThat(StartupChecks.check(with(base, "MARKETOPS_TIMEZONE", "Mars/Olympus"))).get().asString().contains("Asia/Shanghai");
        assertThat(StartupChecks.check(with(base, "MARKETOPS_LOCALE", "fr"))).get().asString().contains("zh-CN or en");
        assertThat(StartupChecks.check(with(base, "MARKETOPS_DEMO", "yes"))).get().asString().contains("true or false");
        assertThat(StartupChecks.check(base)).isEmpty();
    }

    private static Map<String, String> with(Map<String, String> base, String k, String v) {
        var m = new java.util.HashMap<>(base);
        m.put(k, v);
        return m;
    }
}
