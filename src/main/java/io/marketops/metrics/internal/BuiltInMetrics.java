package io.marketops.metrics.internal;

import io.marketops.metrics.Metric;
import io.marketops.metrics.Metric.Direction;
import io.marketops.metrics.MetricCatalog;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The built-in metric definitions (formulas as in the domain's metric definitions). */
@Component
class BuiltInMetrics implements MetricCatalog {
    private static final List<Metric> ALL = List.of(
            new Metric("uv", "count", Direction.UP, "UV (unique visitors)", "访客数 UV",
                    "Distinct visitors with at least one page or screen view in the period: the identified user when known, else the anonymous id. Not additive across days.",
                    "周期内至少有一次页面或屏幕浏览的去重访客数：已识别用户按用户计，否则按匿名 ID 计。跨天不可相加。"),
            new Metric("pv", "count", Direction.UP, "PV (page views)", "浏览量 PV",
                    "Page and screen views.", "页面与屏幕浏览次数。"),
            new Metric("orders", "count", Direction.UP, "Orders", "订单数",
                    "Orders placed in the period, whatever their later status.", "周期内下单的订单数（不论之后状态）。"),
            new Metric("gmv", "currency", Direction.UP, "GMV", "GMV 成交总额",
                    "Value of orders placed, including unpaid, cancelled and refunded orders, in the reporting currency.",
                    "下单金额合计，含未付款、已取消和已退款订单，按报表币种统计。"),
            new Metric("cost", "currency", Direction.DOWN, "Ad cost", "广告花费",
                    "Ad spend from the ad-platform reports, by report date.", "广告平台报表中的投放花费，按报表日期统计。"),
            new Metric("roas", "ratio", Direction.UP, "ROAS (GMV / ad cost)", "ROAS（GMV / 广告花费）",
                    "Blended return on ad spend: GMV divided by ad cost. Chinese platforms often call this ROI (投产比).",
                    "整体广告投产比：GMV 除以广告花费。国内平台常称之为 ROI（投产比）。"));

    @Override
    public List<Metric> all() {
        return ALL;
    }

    @Override
    public Optional<Metric> find(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
