package io.marketops.workspace.web;

import io.marketops.core.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class Navigation {
    @Bean
    NavigationItem membersNav() {
        return new NavigationItem("admin", "nav.members", "/admin/members", "👥", 900, "members.manage");
    }

    @Bean
    NavigationItem tokensNav() {
        return new NavigationItem("admin", "nav.tokens", "/admin/tokens", "🔑", 910, "tokens.manage");
    }

    @Bean
    NavigationItem auditNav() {
        return new NavigationItem("admin", "nav.audit", "/admin/audit", "📜", 920, "audit.read");
    }
}
