package io.marketops.metrics.web;

import io.marketops.core.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class Navigation {
    @Bean
    NavigationItem metricsNav() {
        return new NavigationItem("analysis", "nav.metrics", "/metrics", "📊", 200, "metrics.read");
    }
}
