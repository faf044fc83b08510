package io.marketops.warehouse;

import java.nio.file.Path;

/** A warehouse opened outside the server (the {@code generate} command, benchmarks, tests). */
public interface StandaloneWarehouse extends Warehouse, AutoCloseable {

    static StandaloneWarehouse open(Path dir) {
        return io.marketops.warehouse.internal.Standalone.open(dir);
    }

    @Override
    void close();
}
