package io.marketops.metrics.web;

import io.marketops.metrics.MetricCatalog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The metric catalog page: every definition in one place. */
@Controller
class MetricPages {
    private final MetricCatalog catalog;

    MetricPages(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/metrics")
    @PreAuthorize("hasAuthority('metrics.read')")
    String catalog(Model model) {
        model.addAttribute("metrics", catalog.all());
        return "metrics/catalog";
    }
}
