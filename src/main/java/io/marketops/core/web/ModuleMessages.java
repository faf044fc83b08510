package io.marketops.core.web;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Each module keeps its UI texts in {@code i18n/<module>/messages.properties} (English) and
 * {@code messages_zh_CN.properties}; this finds them all so modules never edit a shared bundle.
 */
@Configuration(proxyBeanMethods = false)
class ModuleMessages {

    static String[] basenames() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/messages.properties");
            TreeSet<String> names = new TreeSet<>();
            for (Resource r : found) {
                String url = r.getURL().toString();
                int i = url.lastIndexOf("i18n/");
                names.add("classpath:" + url.substring(i, url.length() - ".properties".length()));
            }
            return names.toArray(String[]::new);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list message bundles", e);
        }
    }

    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(basenames());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    @Override
    public String toString() {
        return Arrays.toString(basenames());
    }
}
