package io.marketops.runtime.internal;

import io.marketops.runtime.MarketOpsProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/** Tells the person who started MarketOps where it answers. */
@Component
class ReadyBanner {
    private final MarketOpsProperties props;

    ReadyBanner(MarketOpsProperties props) {
        this.props = props;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(ApplicationReadyEvent event) {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.printf("%nMarketOps is ready at http://localhost:%d  (started in %.1f s, data in %s)%n",
                props.port(), uptime / 1000.0, props.dataDir().toAbsolutePath().normalize());
    }
}
