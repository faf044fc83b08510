package io.marketops.workspace.internal;

import io.marketops.runtime.MarketOpsProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import java.util.Enumeration;
import java.util.Locale;

/**
 * The UI language: the signed-in person's choice, else the {@code lang} cookie, else the
 * browser's Accept-Language (zh → 简体中文, en → English), else {@code MARKETOPS_LOCALE}.
 */
@Component("localeResolver")
class UserLocaleResolver implements LocaleResolver {
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Locale EN = Locale.ENGLISH;
    private final Users users;
    private final Locale fallback;

    UserLocaleResolver(Users users, MarketOpsProperties props) {
        this.users = users;
        this.fallback = supported(props.locale());
    }

    static Locale supported(Locale l) {
        if (l == null) return null;
        if ("zh".equals(l.getLanguage())) return ZH;
        if ("en".equals(l.getLanguage())) return EN;
        return null;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser u && u.locale() != null) {
            return supported(Locale.forLanguageTag(u.locale()));
        }
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if ("lang".equals(c.getName())) {
                    Locale l = supported(Locale.forLanguageTag(c.getValue()));
                    if (l != null) return l;
                }
            }
        }
        if (request.getHeader("Accept-Language") != null) {
            Enumeration<Locale> wanted = request.getLocales();
            while (wanted.hasMoreElements()) {
                Locale l = supported(wanted.nextElement());
                if (l != null) return l;
            }
        }
        return fallback == null ? ZH : fallback;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale l = supported(locale);
        if (l == null) throw new io.marketops.core.InvalidRequest("lang", "supported languages are zh-CN and en");
        Cookie c = new Cookie("lang", l.toLanguageTag());
        c.setPath("/");
        c.setMaxAge(365 * 24 * 3600);
        c.setHttpOnly(true);
        response.addCookie(c);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser u) {
            users.setLocale(u.userId(), l);
            var updated = u.withLocale(l.toLanguageTag());
            var token = new UsernamePasswordAuthenticationToken(updated, null, updated.getAuthorities());
            token.setDetails(auth.getDetails());
            SecurityContextHolder.getContext().setAuthentication(token);
            request.getSession().setAttribute("SPRING_SECURITY_CONTEXT", SecurityContextHolder.getContext());
        }
    }
}
