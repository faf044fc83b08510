package io.marketops.metrics.internal;

import io.marketops.metrics.Metric;
import io.marketops.metrics.Metric.Direction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static io.marketops.metrics.Metric.Direction.DOWN;
import static io.marketops.metrics.Metric.Direction.UP;
import static io.marketops.metrics.internal.Measures.*;
import static io.marketops.metrics.internal.MetricDefinition.ratio;

/**
 * The built-in metric definitions, formulas as in the domain's metric definitions (cited by name:
 * "Metric definitions"). Changing a definition here changes every page, API answer and report.
 */
final class BuiltInMetrics {
    private static final List<MetricDefinition> ALL = new ArrayList<>();
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000), THIRTY = BigDecimal.valueOf(30);

    private BuiltInMetrics() {
    }

    private static void def(String id, String unit, Direction dir, String en, String zh, String defEn, String defZh, String formula,
                            List<Measure> measures, Function<Function<String, BigDecimal>, BigDecimal> f, int observeDays) {
        ALL.add(new MetricDefinition(new Metric(id, unit, dir, en, zh, defEn, defZh, formula, false), measures, f, observeDays));
    }

    private static void sum(String id, String unit, Direction dir, String en, String zh, String defEn, String defZh, String formula, Measure m) {
        def(id, unit, dir, en, zh, defEn, defZh, formula, List.of(m), v -> v.apply(m.id()), 0);
    }

    private static void div(String id, String unit, Direction dir, String en, String zh, String defEn, String defZh, Measure a, Measure b) {
        def(id, unit, dir, en, zh, defEn, defZh, a.id() + " / " + b.id(), List.of(a, b), v -> ratio(v.apply(a.id()), v.apply(b.id())), 0);
    }

    static {
        sum("pv", "count", UP, "PV (page views)", "浏览量 PV", "Page and screen views.", "页面与屏幕浏览次数。", "count(page + screen events)", PV);
        sum("uv", "count", UP, "UV (unique visitors)", "访客数 UV",
                "Distinct people with at least one page or screen view in the period: the stitched user when known, else the user id, else the anonymous id. Not additive across days.",
                "周期内至少有一次页面或屏幕浏览的去重人数：有身份打通时按打通后的用户，否则按用户 ID，再否则按匿名 ID。跨天不可相加。",
                "count(distinct person with page/screen view)", UV);
        sum("sessions", "count", UP, "Sessions", "会话数",
                "Visits: the collector's session id, or else a new session after 30 minutes without an event. A session belongs to the day it started.",
                "访问次数：采集端的会话 ID；没有时，同一人 30 分钟无事件即开始新会话。会话计入开始的那一天。", "count(sessions)", SESSIONS);
        div("bounce_rate", "ratio", DOWN, "Bounce rate (single-page sessions)", "跳出率（单页会话）",
                "Sessions with at most one page or screen view, divided by sessions (Universal Analytics and Taobao 跳失率 style).",
                "浏览页面或屏幕不超过一次的会话数 ÷ 会话数（同 Universal Analytics 与淘宝“跳失率”口径）。", BOUNCED, SESSIONS);
        div("bounce_rate_10s", "ratio", DOWN, "Bounce rate (stayed under 10 s)", "跳出率（停留不足 10 秒）",
                "Sessions whose first and last event are less than 10 seconds apart, divided by sessions: the variant some teams use.",
                "首末事件间隔不足 10 秒的会话数 ÷ 会话数：部分团队使用的口径。", SHORT, SESSIONS);
        div("avg_session_duration", "seconds", UP, "Average session duration", "平均会话时长",
                "Mean seconds between a session's first and last event (single-event sessions count as 0 s).",
                "会话首末事件之间的平均秒数（只有一个事件的会话计为 0 秒）。", SESSION_SECONDS, SESSIONS);
        sum("new_users", "count", UP, "New users", "新增用户",
                "People whose first event ever (track, page or screen) falls in the period.", "首个事件（track、页面或屏幕）发生在本周期内的人数。",
                "count(person with first event in period)", NEW_USERS);
        sum("dau", "count", UP, "DAU (daily active users)", "日活 DAU",
                "People with a track, page or screen event on a local day; for a week or month, the mean over its days.",
                "某个自然日内有 track、页面或屏幕事件的人数；按周或月时取各日平均值。", "mean over days(count(distinct active person))", DAU);
        sum("wau", "count", UP, "WAU (weekly active users)", "周活 WAU",
                "People active in the 7 days ending on the period's last day.", "截至本周期最后一天的 7 天内活跃的人数。", "count(distinct person active in last 7 days)", WAU);
        sum("mau", "count", UP, "MAU (monthly active users)", "月活 MAU",
                "People active in the 30 days ending on the period's last day.", "截至本周期最后一天的 30 天内活跃的人数。", "count(distinct person active in last 30 days)", MAU);
        def("stickiness", "ratio", UP, "Stickiness (DAU / MAU)", "粘性（DAU / MAU）",
                "Mean DAU over the 30 days ending on the period's last day, divided by MAU of those 30 days.",
                "截至本周期最后一天 30 天内的平均日活 ÷ 同期月活。", "mean(dau over 30 days) / mau", List.of(ACTIVE_DAYS_30, MAU),
                v -> ratio(ratio(v.apply("active_days_30"), THIRTY), v.apply("mau")), 0);
        sum("impressions", "count", UP, "Impressions", "展现量", "Ad impressions from the ad-platform reports.", "广告平台报表中的展现次数。", "sum(ad_costs.impressions)", IMPRESSIONS);
        sum("clicks", "count", UP, "Clicks", "点击量", "Ad clicks from the ad-platform reports.", "广告平台报表中的点击次数。", "sum(ad_costs.clicks)", CLICKS);
        div("ctr", "ratio", UP, "CTR (click-through rate)", "点击率 CTR", "Clicks divided by impressions.", "点击量 ÷ 展现量。", CLICKS, IMPRESSIONS);
        div("cvr", "ratio", UP, "CVR (orders per visitor)", "转化率 CVR（订单 / 访客）",
                "Site conversion rate: orders divided by UV (the denominator is visitors, not clicks).",
                "站点转化率：订单数 ÷ 访客数 UV（分母是访客，不是点击）。", ORDERS, UV);
        div("ad_cvr", "ratio", UP, "Ad CVR (conversions per click)", "广告转化率（转化 / 点击）",
                "Ad conversion rate: platform-reported conversions divided by clicks (the denominator is clicks).",
                "广告转化率：平台回传的转化数 ÷ 点击量（分母是点击）。", AD_CONVERSIONS, CLICKS);
        div("cpc", "currency", DOWN, "CPC (cost per click)", "点击成本 CPC", "Ad cost divided by clicks.", "广告花费 ÷ 点击量。", COST, CLICKS);
        def("cpm", "currency", DOWN, "CPM (cost per thousand impressions)", "千次展现成本 CPM", "Ad cost divided by impressions, times 1000.",
                "广告花费 ÷ 展现量 × 1000。", "cost / impressions * 1000", List.of(COST, IMPRESSIONS),
                v -> { BigDecimal r = ratio(v.apply("cost"), v.apply("impressions")); return r == null ? null : r.multiply(THOUSAND); }, 0);
        div("cpa", "currency", DOWN, "CPA (cost per action)", "单次转化成本 CPA", "Ad cost divided by platform-reported conversions.",
                "广告花费 ÷ 平台回传的转化数。", COST, AD_CONVERSIONS);
        div("cac", "currency", DOWN, "CAC (customer acquisition cost)", "获客成本 CAC",
                "Ad cost divided by new customers (customers whose first order ever is in the period). Only ad spend counts as cost here.",
                "广告花费 ÷ 新客数（首单发生在本周期的客户）。此处成本只含广告花费。", COST, NEW_CUSTOMERS);
        sum("cost", "currency", DOWN, "Ad cost", "广告花费", "Ad spend from the ad-platform reports, by report date, in the workspace currency.",
                "广告平台报表中的投放花费，按报表日期、工作区币种统计。", "sum(ad_costs.cost)", COST);
        sum("orders", "count", UP, "Orders", "订单数", "Orders placed in the period, whatever their later status.", "周期内下单的订单数（不论之后状态）。", "count(orders)", ORDERS);
        sum("gmv", "currency", UP, "GMV", "GMV 成交总额",
                "Value of orders placed, including unpaid, cancelled and refunded orders, in the workspace currency.",
                "下单金额合计，含未付款、已取消和已退款订单，按工作区币种统计。", "sum(orders.amount)", GMV);
        sum("paid_gmv", "currency", UP, "Paid GMV", "支付 GMV", "Value of orders that were paid (status paid or refunded).",
                "已支付订单的金额（状态为已支付或已退款）。", "sum(amount where status in (paid, refunded))", PAID_GMV);
        sum("net_gmv", "currency", UP, "Net GMV", "净 GMV", "Value of orders paid and not refunded or cancelled (status paid).",
                "已支付且未退款、未取消的订单金额（状态为已支付）。", "sum(amount where status = paid)", NET_GMV);
        sum("buyers", "count", UP, "Buying customers", "购买客户数", "Distinct customers with at least one order in the period.",
                "周期内至少下过一单的去重客户数。", "count(distinct customer with order)", BUYERS);
        div("aov", "currency", UP, "AOV (revenue per order)", "平均订单金额 AOV", "GMV divided by orders.", "GMV ÷ 订单数。", GMV, ORDERS);
        div("revenue_per_buyer", "currency", UP, "Revenue per buying customer (客单价)", "客单价",
                "GMV divided by buying customers: differs from AOV when customers place several orders.",
                "GMV ÷ 购买客户数：客户多次下单时与平均订单金额不同。", GMV, BUYERS);
        div("roas", "times", UP, "ROAS (GMV / ad cost)", "ROAS（GMV / 广告花费）",
                "Blended return on ad spend: GMV divided by ad cost. Chinese platforms often call this ROI (投产比).",
                "整体广告投产比：GMV 除以广告花费。国内平台常称之为 ROI（投产比）。", GMV, COST);
        def("roi", "ratio", UP, "ROI ((GMV − cost) / cost)", "ROI（(GMV − 花费) / 花费）",
                "Return on investment: GMV minus ad cost, divided by ad cost. Not the platforms' 投产比, which is ROAS.",
                "投资回报率：(GMV − 广告花费) ÷ 广告花费。不同于平台所说的“投产比”（即 ROAS）。", "(gmv - cost) / cost", List.of(GMV, COST),
                v -> ratio(v.apply("gmv").subtract(v.apply("cost")), v.apply("cost")), 0);
        div("repurchase_rate", "ratio", UP, "Repurchase rate", "复购率",
                "Customers with at least 2 orders in the period, divided by customers with at least 1.", "周期内下单不少于 2 次的客户数 ÷ 下单不少于 1 次的客户数。",
                REPEAT_BUYERS, BUYERS);
        retention(1, RETURNED_D1, "次日留存");
        retention(7, RETURNED_D7, "7 日留存");
        retention(30, RETURNED_D30, "30 日留存");
        def("ltv_30", "currency", UP, "Cohort LTV (30 days)", "30 日同期群 LTV",
                "GMV of orders placed within 30 days of a person's first event (customer id = user id), divided by the new users of the period.",
                "首个事件后 30 天内下单的 GMV（客户 ID = 用户 ID）÷ 本周期新增用户数。", "revenue_30d / new_users", List.of(REVENUE_30D, NEW_USERS),
                v -> ratio(v.apply("revenue_30d"), v.apply("new_users")), 30);
        sum("follower_growth", "count", UP, "Follower growth", "涨粉数", "Followers gained on content platforms, from content statistics.",
                "内容平台新增粉丝数，来自内容数据。", "sum(content_metrics.followers_gained)", FOLLOWERS);
        sum("content_reads", "count", UP, "Content reads", "内容阅读量", "Reads or plays of published content, from content statistics.",
                "已发布内容的阅读或播放量，来自内容数据。", "sum(content_metrics.reads)", READS);
    }

    private static void retention(int n, Measure returned, String zh) {
        def("retention_d" + n, "ratio", UP, n + "-day retention", zh,
                "Of the people first seen in the period, the share active again exactly on day " + n + " after their first day (classic N-day retention).",
                "本周期新增的人中，在首日之后第 " + n + " 天再次活跃的比例（经典 N 日留存）。", "returned_d" + n + " / new_users",
                List.of(returned, NEW_USERS), v -> ratio(v.apply(returned.id()), v.apply("new_users")), n);
    }

    static List<MetricDefinition> definitions() {
        return ALL;
    }

    static Optional<MetricDefinition> find(String id) {
        return ALL.stream().filter(d -> d.metric().id().equals(id)).findFirst();
    }
}
