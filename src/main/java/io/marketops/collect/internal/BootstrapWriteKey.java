package io.marketops.collect.internal;

import io.marketops.workspace.DefaultWorkspace;
import jakarta.annotation.PostConstruct;
import org.springframework.stereotype.Component;

/** Makes {@code MARKETOPS_BOOTSTRAP_WRITE_KEY}, when set, a working write key of the default workspace. */
@Component
class BootstrapWriteKey {
    private final WriteKeys keys;
    private final DefaultWorkspace defaultWorkspace;
    private final CollectProperties props;

    BootstrapWriteKey(WriteKeys keys, DefaultWorkspace defaultWorkspace, CollectProperties props) {
        this.keys = keys;
        this.defaultWorkspace = defaultWorkspace;
        this.props = props;
    }

    @PostConstruct
    void ensure() {
        String key = props.bootstrapWriteKey();
        if (key != null && !key.isBlank()) {
            keys.ensure(defaultWorkspace.get().id(), "bootstrap (MARKETOPS_BOOTSTRAP_WRITE_KEY)", key.trim(), "system");
        }
    }
}
