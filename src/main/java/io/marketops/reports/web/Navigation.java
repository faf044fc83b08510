package io.marketops.reports.web;

import io.marketops.core.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class Navigation {
    @Bean
    NavigationItem reportsNav() {
        return new NavigationItem("analysis", "reports.nav", "/reports", "📰", 230, "reports.read");
    }
}
