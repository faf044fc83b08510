package io.marketops.core;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every UI text exists in English and 简体中文, in every module's bundle, and no key is defined twice across modules. */
class MessageBundlesTests {

    @Test
    void englishAndChineseBundlesHaveTheSameKeys() throws Exception {
        Resource[] english = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/messages.properties");
        assertThat(english).hasSizeGreaterThanOrEqualTo(3);
        Set<String> seen = new HashSet<>();
        for (Resource en : english) {
            Resource zh = en.createRelative("messages_zh_CN.properties");
            assertThat(zh.exists()).as("Chinese bundle beside " + en.getURL()).isTrue();
            Set<String> enKeys = keys(en), zhKeys = keys(zh);
            Set<String> missing = new TreeSet<>(enKeys);
            missing.removeAll(zhKeys);
            Set<String> extra = new TreeSet<>(zhKeys);
            extra.removeAll(enKeys);
            assertThat(missing).as("keys missing in Chinese for " + en.getURL()).isEmpty();
            assertThat(extra).as("keys only in Chinese for " + en.getURL()).isEmpty();
            for (String k : enKeys) assertThat(seen.add(k)).as("key " + k + " defined in two modules").isTrue();
        }
    }

    private static Set<String> keys(Resource r) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        for (String k : p.stringPropertyNames()) assertThat(p.getProperty(k)).as(k + " in " + r.getURL()).isNotBlank();
        return p.stringPropertyNames();
    }
}
