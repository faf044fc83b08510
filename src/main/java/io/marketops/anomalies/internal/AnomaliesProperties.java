package io.marketops.anomalies.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.LocalTime;
import java.util.List;

/**
 * Anomaly detection settings ({@code marketops.anomalies.*}, environment {@code MARKETOPS_ANOMALIES_*}).
 * Sensitivity and minimum volume are defaults: each workspace may change its own in the UI or API.
 *
 * @param sensitivity      low, medium (default) or high: band half-width 6, 4 or 3 robust standard deviations
 * @param minVolume        a value whose volume count (visitors, orders, clicks) is below this on both the expected and actual side is not judged (default 50)
 * @param minChange        a total must move at least this share to alarm, a slice twice as much (default 0.05)
 * @param minConcentrated  a total within its band alarms when one or two abnormal values of a dimension moved it by this share (default 0.08)
 * @param holidayTolerance on public holidays volumes may move this share either way before their band starts (default 0.3)
 * @param historyDays      days of history behind weekday factors and the band (default 70)
 * @param levelDays        most recent normal days whose median is the level (default 21)
 * @param minHistory       normal days of history needed before a series is judged (default 21)
 * @param peaks            yearly sales peaks as {@code name MM-dd..MM-dd}, warm-up through after-days (default 618 05-20..06-20, double_11 10-10..11-13)
 * @param holidays         public holidays as {@code name yyyy-MM-dd..yyyy-MM-dd} (default: 2025 and 2026 as announced, 2027 estimated — check them)
 * @param schedule         run the daily detection (default true)
 * @param runAt            local time in each workspace's time zone after which yesterday is checked (default 07:00)
 * @param recheckDays      each daily run re-detects this many days before yesterday too, for late data (default 2)
 * @param initialDays      a workspace's first scheduled run covers this many days up to yesterday (default 90)
 * @param maxRangeDays     longest range one on-demand detection may cover (default 400)
 * @param alerts           send new high-severity anomalies of the last days to the recipients of the workspace's reports
 *                         (e-mail and group robots) — the default for workspaces that did not choose (default false)
 */
@Validated
@ConfigurationProperties("marketops.anomalies")
public record AnomaliesProperties(String sensitivity, Integer minVolume, Double minChange, Double minConcentrated,
                                  Double holidayTolerance, Integer historyDays, Integer levelDays, Integer minHistory,
                                  List<String> peaks, List<String> holidays, Boolean schedule, LocalTime runAt,
                                  Integer recheckDays, Integer initialDays, Integer maxRangeDays, Boolean alerts) {

    public static final List<String> DEFAULT_PEAKS = List.of("618 05-20..06-20", "double_11 10-10..11-13");
    /** State Council holiday notices; 2027 is an estimate from the lunar calendar until its notice is out. */
    public static final List<String> DEFAULT_HOLIDAYS = List.of(
            "new_year 2025-01-01..2025-01-01", "spring_festival 2025-01-28..2025-02-04", "qingming 2025-04-04..2025-04-06",
            "labour_day 2025-05-01..2025-05-05", "dragon_boat 2025-05-31..2025-06-02", "national_day 2025-10-01..2025-10-08",
            "new_year 2026-01-01..2026-01-03", "spring_festival 2026-02-15..2026-02-23", "qingming 2026-04-04..2026-04-06",
            "labour_day 2026-05-01..2026-05-05", "dragon_boat 2026-06-19..2026-06-21", "mid_autumn 2026-09-25..2026-09-27",
            "national_day 2026-10-01..2026-10-07",
            "new_year 2027-01-01..2027-01-01", "spring_festival 2027-02-05..2027-02-11", "qingming 2027-04-05..2027-04-05",
            "labour_day 2027-05-01..2027-05-05", "dragon_boat 2027-06-09..2027-06-09", "mid_autumn 2027-09-15..2027-09-15",
            "national_day 2027-10-01..2027-10-07");

    public AnomaliesProperties {
        if (sensitivity == null || sensitivity.isBlank()) sensitivity = "medium";
        Rules.Sensitivity.parse("marketops.anomalies.sensitivity", sensitivity);
        if (minVolume == null) minVolume = 50;
        if (minChange == null) minChange = 0.05;
        if (minConcentrated == null) minConcentrated = 0.08;
        if (holidayTolerance == null) holidayTolerance = 0.3;
        if (historyDays == null) historyDays = 70;
        if (levelDays == null) levelDays = 21;
        if (minHistory == null) minHistory = 21;
        if (peaks == null) peaks = DEFAULT_PEAKS;
        if (holidays == null) holidays = DEFAULT_HOLIDAYS;
        if (schedule == null) schedule = true;
        if (runAt == null) runAt = LocalTime.of(7, 0);
        if (recheckDays == null) recheckDays = 2;
        if (initialDays == null) initialDays = 90;
        if (maxRangeDays == null) maxRangeDays = 400;
        if (alerts == null) alerts = false;
        if (minHistory > historyDays) throw new IllegalArgumentException("marketops.anomalies.min-history (" + minHistory + ") must not exceed history-days (" + historyDays + ")");
        Calendar.parse(peaks, holidays); // fails start-up with the entry to fix
    }

    public static AnomaliesProperties defaults() {
        return new AnomaliesProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    Calendar calendar() {
        return Calendar.parse(peaks, holidays);
    }

    Baseline.Settings baseline() {
        return new Baseline.Settings(historyDays, levelDays, minHistory);
    }

    Rules rules(Rules.Sensitivity s, double volume) {
        return new Rules(s.threshold, volume, minChange, minConcentrated, holidayTolerance);
    }
}
