package io.marketops.workspace.internal;

import io.marketops.core.web.Problems;
import io.marketops.workspace.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.util.Map;

/**
 * Three doors: {@code /api/v1/**} takes bearer tokens and answers problem+json; {@code /v1/**}
 * (event collection) is open here because collectors check write keys themselves; everything
 * else is pages behind the login form with CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AuditLog audit) throws Exception {
        http.securityMatcher("/api/v1/**")
                .cors(org.springframework.security.config.Customizer.withDefaults()) // MVC CORS mappings (e.g. experiments' assignment), preflights before the token check
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/health", "/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs", "/api/v1/docs/**").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new TokenAuthentication(tokens, audit), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> Problems.write(res, 401, "Unauthorized",
                                "This call needs an API token: send 'Authorization: Bearer <token>'. Create one under Settings → API tokens.", Map.of()))
                        .accessDeniedHandler((req, res, ex) -> Problems.write(res, 403, "Forbidden",
                                "Your role does not allow this action in this workspace.", Map.of())));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain collect(HttpSecurity http) throws Exception {
        http.securityMatcher("/v1/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/vendor/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                                "/swagger-ui/**", "/snippet/**").permitAll()
                        .requestMatchers("/share/**").permitAll() // metrics: read-only dashboard share links (token checked by SharePage)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/login?error="
                                + (ex instanceof LockedException ? "locked" : "bad"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    /** Checks the throttle before the password, so a blocked account costs no bcrypt round. */
    @Bean
    AuthenticationProvider throttledLogin(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(encoder);
        dao.setUserDetailsService(accounts);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication a) throws AuthenticationException {
                String ip = a.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
                if (throttle.blocked(a.getName(), ip)) {
                    throw new LockedException("Too many failed sign-ins; try again in 15 minutes.");
                }
                return dao.authenticate(a);
            }

            @Override
            public boolean supports(Class<?> type) {
                return dao.supports(type);
            }
        };
    }

    static String ip(HttpServletRequest r) {
        return r.getRemoteAddr();
    }
}
