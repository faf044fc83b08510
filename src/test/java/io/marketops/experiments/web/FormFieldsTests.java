package io.marketops.experiments.web;

import io.marketops.core.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormFieldsTests {

    @Test
    void targetingTextBecomesRulesWithEitherPunctuation() {
        assertThat(FormFields.targeting("city=上海,杭州; plan=vip")).isEqualTo(Map.of("city", List.of("上海", "杭州"), "plan", List.of("vip")));
        assertThat(FormFields.targeting("city = 上海，杭州；plan=vip")).isEqualTo(Map.of("city", List.of("上海", "杭州"), "plan", List.of("vip")));
        assertThat(FormFields.targeting("  ")).as("empty: no targeting").isNull();
        assertThatThrownBy(() -> FormFields.targeting("上海")).isInstanceOf(InvalidRequest.class).extracting("field").isEqualTo("targeting");
    }

    @Test
    void coverageIsAPercentageAndTheLookBackWholeDays() {
        assertThat(FormFields.coverage("50")).isEqualTo(0.5);
        assertThat(FormFields.coverage("")).isNull();
        assertThat(FormFields.prePeriodDays("7")).isEqualTo(7);
        assertThatThrownBy(() -> FormFields.coverage("half")).extracting("field").isEqualTo("coverage");
        assertThatThrownBy(() -> FormFields.prePeriodDays("2.5")).extracting("field").isEqualTo("prePeriodDays");
    }
}
