package io.marketops.collect.web;

import io.marketops.core.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class Navigation {
    @Bean
    NavigationItem ingestionNav() {
        return new NavigationItem("data", "collect.nav.ingestion", "/collect", "📡", 200, "collect.manage");
    }

    @Bean
    NavigationItem channelsNav() {
        return new NavigationItem("data", "collect.nav.channels", "/channels", "🧭", 210, "data.read");
    }
}
