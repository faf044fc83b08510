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

    @Bean
    NavigationItem exploreNav() {
        return new NavigationItem("analysis", "nav.explore", "/explore", "🔎", 210, "metrics.read");
    }

    @Bean
    NavigationItem dashboardsNav() {
        return new NavigationItem("analysis", "nav.dashboards", "/dashboards", "📈", 220, "metrics.read");
    }

    @Bean
    NavigationItem cohortsNav() {
        return new NavigationItem("analysis", "nav.cohorts", "/cohorts", "👤", 225, "metrics.read");
    }
}
