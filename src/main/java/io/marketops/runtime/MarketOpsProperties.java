package io.marketops.runtime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/**
 * MarketOps configuration; each property maps to the environment variable named in
 * {@code application.yml} and in the README's configuration table.
 *
 * @param port           HTTP port ({@code MARKETOPS_PORT}, default 8080)
 * @param dataDir        where embedded PostgreSQL, the warehouse and uploads live ({@code MARKETOPS_DATA_DIR})
 * @param db             external PostgreSQL; empty URL means embedded
 * @param demo           create the demo workspace on first start ({@code MARKETOPS_DEMO}, default true)
 * @param adminEmail     login of the first admin
 * @param adminPassword  password of the first admin ({@code MARKETOPS_ADMIN_PASSWORD}); generated and printed once when empty
 * @param bootstrapToken an admin API token that must exist for the default workspace ({@code MARKETOPS_BOOTSTRAP_TOKEN})
 * @param timezone       default workspace time zone ({@code MARKETOPS_TIMEZONE}, default Asia/Shanghai)
 * @param locale         default UI language ({@code MARKETOPS_LOCALE}, zh-CN or en)
 */
@Validated
@ConfigurationProperties("marketops")
public record MarketOpsProperties(
        @Min(1) @Max(65535) int port,
        @NotNull Path dataDir,
        @Valid Db db,
        boolean demo,
        String adminEmail,
        String adminPassword,
        String bootstrapToken,
        @NotNull ZoneId timezone,
        @NotNull Locale locale) {

    public record Db(String url, String user, String password) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    public MarketOpsProperties {
        if (db == null) db = new Db(null, null, null);
        if (adminEmail == null || adminEmail.isBlank()) adminEmail = "admin@marketops.local";
    }

    public Path warehouseDir() {
        return dataDir.resolve("warehouse");
    }
}
