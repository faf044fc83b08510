package io.marketops.collect.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Tracked sites live on other origins: the tracking API answers browsers from anywhere (the write key decides). */
@Configuration(proxyBeanMethods = false)
class TrackingCors implements WebMvcConfigurer {
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/v1/**").allowedOriginPatterns("*").allowedMethods("POST", "OPTIONS")
                .allowedHeaders("Content-Type", "Authorization", "Content-Encoding").allowCredentials(false).maxAge(86_400);
    }
}
