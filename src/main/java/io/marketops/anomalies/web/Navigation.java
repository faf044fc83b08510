package io.marketops.anomalies.web;

import io.marketops.core.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class Navigation {
    @Bean
    NavigationItem anomaliesNav() {
        return new NavigationItem("analysis", "anomalies.nav", "/anomalies", "🚨", 230, "metrics.read");
    }
}
