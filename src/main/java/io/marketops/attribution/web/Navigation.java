package io.marketops.attribution.web;

import io.marketops.core.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class Navigation {
    @Bean
    NavigationItem attributionNav() {
        return new NavigationItem("analysis", "attribution.nav", "/attribution", "🎯", 230, "metrics.read");
    }
}
