package io.marketops.imports.web;

import io.marketops.core.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class Navigation {
    @Bean
    NavigationItem importsNav() {
        return new NavigationItem("data", "imports.nav", "/imports", "📥", 300, "data.read");
    }

    @Bean
    NavigationItem contactsNav() {
        return new NavigationItem("data", "imports.nav.contacts", "/customer-contacts", "📇", 310, "data.read");
    }
}
