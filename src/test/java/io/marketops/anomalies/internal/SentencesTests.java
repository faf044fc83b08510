package io.marketops.anomalies.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTests {
    static final LocalDate DAY = LocalDate.of(2026, 8, 30);

    private static Finding finding(String metric, String dim, String value, double change, List<Adtributor.Candidate> causes, RatioSplit.Parts parts, String knownDay) {
        return new Finding(metric, DAY, dim, value, 100, 100 * (1 + change), 80, 120, Finding.Severity.HIGH, change, -6, "level", knownDay,
                causes, parts, List.of(), null, null);
    }

    @Test
    void aTotalNamesItsFirstCauseInBothLanguages() {
        Finding f = Sentences.explain(finding("uv", null, null, -0.32, List.of(new Adtributor.Candidate("channel", "douyin", 0.78, 0.01, -0.61, -25)), null, null));

        assertThat(f.explanationEn()).isEqualTo("UV −32% vs expected; Douyin −61% explains 78% of the drop");
        assertThat(f.explanationZh()).isEqualTo("UV 较预期 −32%；抖音 −61%，解释了 78% 的下降");
    }

    @Test
    void aRatioSaysHowItsNumeratorAndDenominatorMovedAndAPeakIsNamed() {
        RatioSplit.Parts parts = RatioSplit.parts(100, 1000, 58, 970);
        Finding f = Sentences.explain(finding("cvr", null, null, -0.4, List.of(new Adtributor.Candidate("campaign", "618_预售", 0.5, 0.02, -0.7, -0.02)),
                parts, "618"));

        assertThat(f.explanationEn()).isEqualTo("CVR −40% vs expected (Orders −42%, UV −3%) (during 618); campaign 618_预售 −70% explains 50% of the drop");
        assertThat(f.explanationZh()).isEqualTo("转化率 CVR 较预期 −40%（订单数 −42%，UV −3%）（618期间）；活动 618_预售 −70%，解释了 50% 的下降");
    }

    @Test
    void aSliceNamesItselfAndARiseIsARise() {
        Finding f = Sentences.explain(finding("cpc", "channel", "baidu", 1.5, List.of(), null, null));

        assertThat(f.explanationEn()).isEqualTo("CPC of Baidu +150% vs expected");
        assertThat(f.explanationZh()).isEqualTo("百度的 点击成本 CPC 较预期 +150%");
    }

    @Test
    void aCauseThatExplainsLittleIsNotNamed() {
        Finding f = Sentences.explain(finding("pv", null, null, 0.2, List.of(new Adtributor.Candidate("region", "河南", 0.13, 0.001, 1.2, 30)), null, null));

        assertThat(f.explanationEn()).isEqualTo("PV +20% vs expected");
    }
}
