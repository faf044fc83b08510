package io.marketops.experiments.web;

import io.marketops.core.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class Navigation {
    @Bean
    NavigationItem experimentsNav() {
        return new NavigationItem("analysis", "nav.experiments", "/experiments", "🧪", 300, "metrics.read");
    }
}
