package io.marketops.experiments;

import io.marketops.core.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetingTests {
    static final Map<String, List<String>> SHANGHAI_VIPS = Targeting.checked(Map.of("city", List.of(" 上海 ", "杭州"), "plan", List.of("vip")));

    @Test
    void aVisitorEntersOnlyWhenEveryListedAttributeHasAnAllowedValue() {
        assertThat(Targeting.matches(SHANGHAI_VIPS, Map.of("city", "上海", "plan", "vip", "device", "ios"))).isTrue();
        assertThat(Targeting.matches(SHANGHAI_VIPS, Map.of("city", "杭州 ", "plan", "vip"))).as("values are trimmed").isTrue();
        assertThat(Targeting.matches(SHANGHAI_VIPS, Map.of("city", "北京", "plan", "vip"))).isFalse();
        assertThat(Targeting.matches(SHANGHAI_VIPS, Map.of("city", "上海"))).as("a missing attribute does not match").isFalse();
        assertThat(Targeting.matches(SHANGHAI_VIPS, Map.of("city", "上海", "plan", "VIP"))).as("case-sensitive").isFalse();
        assertThat(Targeting.matches(Targeting.checked(null), Map.of())).as("no rules: everyone").isTrue();
    }

    @Test
    void badRulesAreNamedByTheirField() {
        assertThatThrownBy(() -> Targeting.checked(Map.of("city", List.of()))).isInstanceOf(InvalidRequest.class)
                .extracting("field").isEqualTo("targeting.city");
        assertThatThrownBy(() -> Targeting.checked(Map.of("1city", List.of("上海")))).extracting("field").isEqualTo("targeting");
        Map<String, List<String>> blank = new HashMap<>();
        blank.put("city", java.util.Arrays.asList("上海", null));
        assertThatThrownBy(() -> Targeting.checked(blank)).extracting("field").isEqualTo("targeting.city");
    }
}
