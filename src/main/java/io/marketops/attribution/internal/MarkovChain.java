package io.marketops.attribution.internal;

import io.marketops.attribution.PathTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The absorbing Markov chain of a path table, built the way ChannelAttribution builds it:
 * <ul>
 *   <li>a state of order k is a window of k consecutive touches (the whole path when it is shorter);
 *       consecutive equal states are collapsed, so at order 1 {@code a > a > b} is {@code a → b};</li>
 *   <li>every row walks (start) → its states, each step weighted by the row's conversions + nulls;
 *       its last state goes to (conversion) with weight = conversions and to (null) with weight = nulls;
 *       rows with neither add nothing;</li>
 *   <li>a transition's probability is its weight over the state's total outgoing weight.</li>
 * </ul>
 * State 0 is (start); the absorbing states are kept as per-state probabilities. The mean value per
 * conversion of the paths ending in a state is the value a conversion from that state brings
 * (ChannelAttribution draws the simulated value from that state's distribution; its mean is what counts).
 */
final class MarkovChain {
    static final int START = 0;

    final int order;
    /** Transient states including (start); state s remembers the channels {@code windows[s]}. */
    final int states;
    final int[][] windows;
    /** Transitions between transient states, compressed rows: targets of s are to[rowStart[s] .. rowStart[s+1]). */
    final int[] rowStart;
    final int[] to;
    final double[] probability;
    final double[] toConversion;
    final double[] toNull;
    final double[] valuePerConversion;
    /** For each channel id, the states whose window holds it (the states removed with the channel). */
    final int[][] statesOfChannel;

    private MarkovChain(int order, int states, int[][] windows, int[] rowStart, int[] to, double[] probability,
                        double[] toConversion, double[] toNull, double[] valuePerConversion, int[][] statesOfChannel) {
        this.order = order;
        this.states = states;
        this.windows = windows;
        this.rowStart = rowStart;
        this.to = to;
        this.probability = probability;
        this.toConversion = toConversion;
        this.toNull = toNull;
        this.valuePerConversion = valuePerConversion;
        this.statesOfChannel = statesOfChannel;
    }

    static MarkovChain build(PathTable table, int order) {
        if (order < 1 || order > 3) throw new IllegalArgumentException("order must be 1, 2 or 3");
        LongMap ids = new LongMap(1024);
        LongMap edges = new LongMap(4096);
        List<int[]> windows = new ArrayList<>();
        windows.add(new int[0]);
        long[] conversions = new long[64], nulls = new long[64];
        double[] values = new double[64];
        for (int row = 0; row < table.size(); row++) {
            long c = table.conversions(row), z = table.nulls(row), weight = c + z;
            if (weight == 0) continue;
            int[] path = table.path(row);
            int width = Math.min(order, path.length);
            int prev = START;
            long prevKey = -1;
            for (int i = 0; i + width <= path.length; i++) {
                long key = key(path, i, width);
                if (key == prevKey) continue;
                prevKey = key;
                int state = (int) ids.putIfAbsent(key, windows.size());
                if (state == windows.size()) windows.add(Arrays.copyOfRange(path, i, i + width));
                edges.addTo(((long) prev << 32) | state, weight);
                prev = state;
            }
            if (prev >= conversions.length) {
                int n = Math.max(prev + 1, conversions.length * 2);
                conversions = Arrays.copyOf(conversions, n);
                nulls = Arrays.copyOf(nulls, n);
                values = Arrays.copyOf(values, n);
            }
            conversions[prev] += c;
            nulls[prev] += z;
            values[prev] += table.value(row);
        }
        return assemble(order, table.channelCount(), windows, edges, conversions, nulls, values);
    }

    /** Packs a window of up to 3 channel ids (each below 2^20) and its length into one long. */
    private static long key(int[] path, int from, int width) {
        long k = (long) width << 60;
        for (int j = 0; j < width; j++) k |= (long) path[from + j] << (40 - 20 * j);
        return k;
    }

    private static MarkovChain assemble(int order, int channels, List<int[]> windowList, LongMap edges,
                                        long[] conversions, long[] nulls, double[] values) {
        int n = windowList.size();
        int[] rowStart = new int[n + 1];
        double[] out = new double[n];
        edges.forEach((k, w) -> {
            rowStart[(int) (k >>> 32) + 1]++;
            out[(int) (k >>> 32)] += w;
        });
        for (int s = 0; s < n; s++) {
            rowStart[s + 1] += rowStart[s];
            if (s < conversions.length) out[s] += conversions[s] + nulls[s];
        }
        int[] to = new int[edges.size()];
        double[] prob = new double[edges.size()];
        int[] fill = Arrays.copyOf(rowStart, n);
        edges.forEach((k, w) -> {
            int from = (int) (k >>> 32), i = fill[from]++;
            to[i] = (int) k;
            prob[i] = w / out[from];
        });
        sortRows(rowStart, to, prob);
        double[] toConversion = new double[n], toNull = new double[n], valuePerConversion = new double[n];
        for (int s = 0; s < Math.min(n, conversions.length); s++) {
            if (out[s] == 0) continue;
            toConversion[s] = conversions[s] / out[s];
            toNull[s] = nulls[s] / out[s];
            valuePerConversion[s] = conversions[s] == 0 ? 0 : values[s] / conversions[s];
        }
        int[][] windows = windowList.toArray(int[][]::new);
        return new MarkovChain(order, n, windows, rowStart, to, prob, toConversion, toNull, valuePerConversion,
                statesOfChannel(channels, windows));
    }

    /** Orders each row's targets by state id, so results never depend on hash order. */
    private static void sortRows(int[] rowStart, int[] to, double[] prob) {
        for (int s = 0; s + 1 < rowStart.length; s++) {
            for (int i = rowStart[s] + 1; i < rowStart[s + 1]; i++) {
                int t = to[i];
                double p = prob[i];
                int j = i - 1;
                while (j >= rowStart[s] && to[j] > t) {
                    to[j + 1] = to[j];
                    prob[j + 1] = prob[j];
                    j--;
                }
                to[j + 1] = t;
                prob[j + 1] = p;
            }
        }
    }

    private static int[][] statesOfChannel(int channels, int[][] windows) {
        int[] count = new int[channels];
        for (int s = 1; s < windows.length; s++) for (int c : distinct(windows[s])) count[c]++;
        int[][] result = new int[channels][];
        for (int c = 0; c < channels; c++) result[c] = new int[count[c]];
        int[] fill = new int[channels];
        for (int s = 1; s < windows.length; s++) for (int c : distinct(windows[s])) result[c][fill[c]++] = s;
        return result;
    }

    private static int[] distinct(int[] window) {
        return Arrays.stream(window).distinct().toArray();
    }

    /** Transitions from state s (its targets and their probabilities), for tests and the API. */
    int outDegree(int s) {
        return rowStart[s + 1] - rowStart[s];
    }
}
