package io.marketops.core.web;

import io.marketops.core.NavigationItem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Puts the navigation the current user may see into every page model as {@code nav}. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class NavigationModel {
    private final List<NavigationItem> items;

    NavigationModel(List<NavigationItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("nav")
    List<NavigationItem> nav() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) return List.of();
        Set<String> granted = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return items.stream().filter(i -> i.authority() == null || granted.contains(i.authority())).toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
