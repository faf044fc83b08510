package io.marketops.warehouse.internal;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the warehouse ({@code marketops.warehouse.*}, environment variables
 * {@code MARKETOPS_WAREHOUSE_*}); see docs/modules/warehouse.md, "Landing zone".
 *
 * @param absorbIdle     landed event files are absorbed into the native table once nothing has landed for this long (default 10 s)
 * @param absorbMaxFiles beyond this many landed files they are absorbed even while events keep landing (default 200)
 * @param absorbGrace    an absorbed file is deleted this long after its absorption, for queries that listed it before; it is deleted only while no connection is open (default 10 s)
 */
@Validated
@ConfigurationProperties("marketops.warehouse")
public record WarehouseProperties(
        @DefaultValue("10s") Duration absorbIdle,
        @DefaultValue("200") @Min(1) int absorbMaxFiles,
        @DefaultValue("10s") Duration absorbGrace) {

    /** The defaults, for a warehouse opened outside the server (command line, tests). */
    public static WarehouseProperties defaults() {
        return new WarehouseProperties(Duration.ofSeconds(10), 200, Duration.ofSeconds(10));
    }
}
