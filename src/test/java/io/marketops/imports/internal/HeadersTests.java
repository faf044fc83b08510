package io.marketops.imports.internal;

import io.marketops.core.InvalidRequest;
import io.marketops.imports.ColumnMapping;
import io.marketops.imports.ImportKind;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadersTests {
    private static List<String> fields(ImportKind kind, String... headers) {
        return Headers.suggest(kind, List.of(headers)).stream().map(s -> s.ambiguous() ? "?" + s.field() : String.valueOf(s.field())).toList();
    }

    @Test
    void suggestsAdReportFieldsFromChineseHeadersAndLeavesRatesAndUnitCostsAlone() {
        assertThat(fields(ImportKind.AD_COSTS, "日期", "计划名称", "广告组", "展现量", "点击量", "点击率", "消耗(元)", "转化数", "转化成本", "平均点击单价"))
                .containsExactly("date", "campaign", "ad_group", "impressions", "clicks", "null", "cost", "conversions", "null", "null");
        assertThat(fields(ImportKind.AD_COSTS, "时间", "花费", "曝光", "点击")).containsExactly("date", "cost", "impressions", "clicks");
    }

    @Test
    void suggestsOrderFieldsFromChineseAndEnglishHeaders() {
        assertThat(fields(ImportKind.ORDERS, "订单号", "实付金额", "下单时间", "客户ID", "宝贝总数量"))
                .containsExactly("order_id", "amount", "order_time", "customer_id", "items");
        assertThat(fields(ImportKind.ORDERS, "order_id", "customer_id", "order_time", "Amount (CNY)"))
                .containsExactly("order_id", "customer_id", "order_time", "amount");
        assertThat(fields(ImportKind.ORDERS, "InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"))
                .containsExactly("order_id", "null", "items", "order_time", "unit_price", "customer_id", "null");
    }

    @Test
    void anExactHeaderBeatsOneThatMerelyEndsWithTheSynonym() {
        assertThat(fields(ImportKind.ORDERS, "订单编号", "子订单编号", "总金额", "买家实际支付金额"))
                .containsExactly("order_id", "null", "null", "amount");
    }

    @Test
    void twoEquallyGoodHeadersForOneFieldAreAmbiguous() {
        assertThat(fields(ImportKind.AD_COSTS, "日期", "花费", "消耗")).containsExactly("date", "?cost", "?cost");
    }

    @Test
    void refusingAMappingNamesTheMissingFieldAndTheFilesColumns() {
        assertThatThrownBy(() -> ResolvedMapping.resolve(ImportKind.AD_COSTS, List.of("日期", "计划", "展现"), ColumnMapping.automatic(), ZoneId.of("Asia/Shanghai")))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("channel").hasMessageContaining("cost").hasMessageContaining("[日期, 计划, 展现]");
    }

    @Test
    void explicitColumnsAndDefaultsWinOverSuggestions() {
        var m = ResolvedMapping.resolve(ImportKind.AD_COSTS, List.of("日期", "计划", "花费", "消耗"),
                new ColumnMapping(Map.of("消耗", "cost", "花费", "ignore"), Map.of("channel", "douyin"), null, null, null, false), ZoneId.of("UTC"));
        assertThat(m.columns()).containsEntry("cost", 3).containsEntry("date", 0).containsEntry("campaign", 1);
        assertThat(m.defaults()).containsEntry("channel", "douyin");
    }

    @Test
    void anUnknownFieldOrColumnInTheMappingIsNamed() {
        assertThatThrownBy(() -> ResolvedMapping.resolve(ImportKind.ORDERS, List.of("订单号"), new ColumnMapping(Map.of("订单号", "ordernum"), Map.of(), null, null, null, false), ZoneId.of("UTC")))
                .hasMessageContaining("'ordernum' is not a field of orders");
        assertThatThrownBy(() -> ResolvedMapping.resolve(ImportKind.ORDERS, List.of("订单号"), new ColumnMapping(Map.of("单号", "order_id"), Map.of(), null, null, null, false), ZoneId.of("UTC")))
                .hasMessageContaining("column '单号' is not in the file");
    }
}
