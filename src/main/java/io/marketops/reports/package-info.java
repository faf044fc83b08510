/**
 * Daily, weekly and monthly reports (日报/周报/月报): definitions per workspace, built runs (KPI table with 环比/同比
 * and target attainment, top movers, anomalies, channel ROI, a narrative, charts) rendered as page, PDF and XLSX,
 * and delivered by e-mail and WeCom/DingTalk/Feishu group robots. Offers {@link io.marketops.reports.Reports} and
 * the event {@link io.marketops.reports.ReportBuilt}. Listens to {@link io.marketops.anomalies.AnomaliesDetected} and sends
 * its alerts to the recipients of the workspace's enabled reports. Uses: metrics (every number), anomalies, workspace, core.
 */
package io.marketops.reports;
