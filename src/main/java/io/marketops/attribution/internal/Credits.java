package io.marketops.attribution.internal;

import io.marketops.attribution.ChannelCredit;

import java.util.ArrayList;
import java.util.List;

/** Sums conversions and value per channel id. */
final class Credits {
    private final double[] conversions;
    private final double[] values;

    Credits(int channels) {
        conversions = new double[channels];
        values = new double[channels];
    }

    void add(int channel, double conversions, double value) {
        this.conversions[channel] += conversions;
        this.values[channel] += value;
    }

    /** Every channel of the table, in id order (order of first appearance). */
    List<ChannelCredit> toList(List<String> names) {
        List<ChannelCredit> out = new ArrayList<>(names.size());
        for (int c = 0; c < names.size(); c++) out.add(new ChannelCredit(names.get(c), conversions[c], values[c]));
        return out;
    }
}
