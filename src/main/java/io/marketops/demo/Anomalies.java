package io.marketops.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Deviations placed relative to the end date so they land in the window wherever it is. Each
 * is injected only if it and the week before it fit in the window, so a week-over-week
 * comparison can always see it.
 */
final class Anomalies {
    static final double OUTAGE_FACTOR = 0.3;
    static final double CONVERSION_DROP_FACTOR = 0.5;
    static final double COST_SPIKE_FACTOR = 2.5;

    private final List<Manifest.InjectedAnomaly> injected = new ArrayList<>();
    private final LocalDate outageFrom, outageTo, dropFrom, dropTo, spikeDay;

    Anomalies(LocalDate from, LocalDate to) {
        LocalDate o1 = to.minusDays(20), o2 = to.minusDays(19);
        LocalDate d1 = to.minusDays(46), d2 = to.minusDays(44);
        LocalDate s = to.minusDays(10);
        boolean outage = fits(from, o1), drop = fits(from, d1), spike = fits(from, s);
        outageFrom = outage ? o1 : null;
        outageTo = outage ? o2 : null;
        dropFrom = drop ? d1 : null;
        dropTo = drop ? d2 : null;
        spikeDay = spike ? s : null;
        if (drop) injected.add(new Manifest.InjectedAnomaly("conversion_drop", "checkout_to_purchase_rate", null, d1, d2,
                CONVERSION_DROP_FACTOR - 1, "Payment provider errors: half of the checkouts fail to complete on all channels"));
        if (outage) injected.add(new Manifest.InjectedAnomaly("channel_outage", "sessions", Channel.DOUYIN.id, o1, o2,
                OUTAGE_FACTOR - 1, "Douyin ad delivery and links broken: douyin clicks and sessions down 70%"));
        if (spike) injected.add(new Manifest.InjectedAnomaly("cost_spike", "cpc", Channel.BAIDU_SEM.id, s, s,
                COST_SPIKE_FACTOR - 1, "A misconfigured bid rule: Baidu SEM cost per click 2.5 times normal for a day"));
    }

    private static boolean fits(LocalDate windowStart, LocalDate anomalyStart) {
        return !anomalyStart.minusDays(7).isBefore(windowStart);
    }

    /** Multiplier of a channel's clicks and sessions. */
    double traffic(Channel channel, LocalDate date) {
        return channel == Channel.DOUYIN && within(date, outageFrom, outageTo) ? OUTAGE_FACTOR : 1;
    }

    /** Multiplier of the checkout → purchase rate. */
    double checkoutToPurchase(LocalDate date) {
        return within(date, dropFrom, dropTo) ? CONVERSION_DROP_FACTOR : 1;
    }

    /** Multiplier of a channel's cost per click. */
    double cpc(Channel channel, LocalDate date) {
        return channel == Channel.BAIDU_SEM && date.equals(spikeDay) ? COST_SPIKE_FACTOR : 1;
    }

    List<Manifest.InjectedAnomaly> injected() {
        return List.copyOf(injected);
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return from != null && !date.isBefore(from) && !date.isAfter(to);
    }
}
