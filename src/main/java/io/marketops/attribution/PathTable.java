package io.marketops.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversion paths in the ChannelAttribution layout, channels encoded as small integers: each row
 * is a sequence of channel touches (oldest first) with the conversions it led to, their value and
 * the journeys along the same path that did not convert ("nulls"). Rows may repeat a path; they
 * simply add up. Optionally each touch carries its age in days before the conversion (paths built
 * from warehouse events); without ages, time decay counts touches instead of days.
 * Immutable once built; arrays handed out must not be modified.
 */
public final class PathTable {
    /** Most distinct channels a table may hold (channel ids are packed into 20 bits by the Markov model). */
    public static final int MAX_CHANNELS = 1 << 20;

    private final List<String> channels;
    private final int[][] paths;
    private final double[][] ages;
    private final long[] conversions;
    private final double[] values;
    private final long[] nulls;
    private final long totalConversions;
    private final long totalNulls;
    private final double totalValue;

    private PathTable(Builder b) {
        this.channels = Collections.unmodifiableList(new ArrayList<>(b.channels));
        int n = b.size;
        this.paths = Arrays.copyOf(b.paths, n);
        this.ages = b.anyAges ? Arrays.copyOf(b.ages, n) : null;
        this.conversions = Arrays.copyOf(b.conversions, n);
        this.values = Arrays.copyOf(b.values, n);
        this.nulls = Arrays.copyOf(b.nulls, n);
        long c = 0, z = 0;
        double v = 0;
        for (int i = 0; i < n; i++) {
            c += conversions[i];
            z += nulls[i];
            v += values[i];
        }
        this.totalConversions = c;
        this.totalNulls = z;
        this.totalValue = v;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Channel names by id, in order of first appearance. */
    public List<String> channels() {
        return channels;
    }

    public int channelCount() {
        return channels.size();
    }

    public int size() {
        return paths.length;
    }

    /** The channel ids of row {@code i}, oldest touch first (never empty). */
    public int[] path(int i) {
        return paths[i];
    }

    /** Days between each touch of row {@code i} and its conversion, or null when the row has no times. */
    public double[] ages(int i) {
        return ages == null ? null : ages[i];
    }

    public long conversions(int i) {
        return conversions[i];
    }

    public double value(int i) {
        return values[i];
    }

    public long nulls(int i) {
        return nulls[i];
    }

    public long totalConversions() {
        return totalConversions;
    }

    public long totalNulls() {
        return totalNulls;
    }

    public double totalValue() {
        return totalValue;
    }

    /** The path of row {@code i} as channel names joined by {@code " > "}. */
    public String pathText(int i) {
        StringBuilder s = new StringBuilder();
        for (int c : paths[i]) {
            if (!s.isEmpty()) s.append(" > ");
            s.append(channels.get(c));
        }
        return s.toString();
    }

    /** Collects rows; validates each with a message that says what is wrong (callers add the row or field). */
    public static final class Builder {
        private final List<String> channels = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private int[][] paths = new int[16][];
        private double[][] ages = new double[16][];
        private long[] conversions = new long[16];
        private double[] values = new double[16];
        private long[] nulls = new long[16];
        private int size;
        private boolean anyAges;

        private Builder() {
        }

        /** The id of a channel name (trimmed), registering it on first use. */
        public int channel(String name) {
            Integer id = ids.get(name);
            if (id != null) return id;
            String n = name == null ? "" : name.trim();
            if (n.isEmpty()) throw new IllegalArgumentException("a channel name is empty");
            id = ids.get(n);
            if (id != null) return id;
            if (channels.size() >= MAX_CHANNELS) throw new IllegalArgumentException("more than " + MAX_CHANNELS + " distinct channels");
            ids.put(n, channels.size());
            channels.add(n);
            return channels.size() - 1;
        }

        /**
         * Splits a ChannelAttribution path ({@code "c1 > c2 > c3"}) into channel ids: names are
         * trimmed and empty pieces ({@code "a >  > b"}) skipped, as ChannelAttribution does.
         */
        public int[] parsePath(String path) {
            if (path == null) throw new IllegalArgumentException("is missing");
            int[] out = new int[8];
            int n = 0, start = 0, length = path.length();
            // a hand-rolled split: uploads of millions of rows spend most of their time here
            while (start <= length) {
                int end = path.indexOf('>', start);
                if (end < 0) end = length;
                int a = start, b = end;
                while (a < b && Character.isWhitespace(path.charAt(a))) a++;
                while (b > a && Character.isWhitespace(path.charAt(b - 1))) b--;
                if (a < b) {
                    if (n == out.length) out = Arrays.copyOf(out, n * 2);
                    out[n++] = channel(path.substring(a, b));
                }
                start = end + 1;
            }
            if (n == 0) throw new IllegalArgumentException("has no channel");
            return Arrays.copyOf(out, n);
        }

        public Builder add(String path, long conversions, double value, long nulls) {
            return add(parsePath(path), null, conversions, value, nulls);
        }

        public Builder add(List<String> touches, long conversions, double value, long nulls) {
            int[] p = new int[touches.size()];
            for (int i = 0; i < p.length; i++) p[i] = channel(touches.get(i));
            return add(p, null, conversions, value, nulls);
        }

        /**
         * Adds a row of channel ids from {@link #channel(String)}. {@code ageDays}, when given, holds
         * one age per touch (days before the conversion, ≥ 0).
         */
        public Builder add(int[] path, double[] ageDays, long conversions, double value, long nulls) {
            if (path == null || path.length == 0) throw new IllegalArgumentException("has no channel");
            for (int c : path) if (c < 0 || c >= channels.size()) throw new IllegalArgumentException("unknown channel id " + c);
            if (conversions < 0) throw new IllegalArgumentException("conversions must be 0 or more, was " + conversions);
            if (nulls < 0) throw new IllegalArgumentException("nulls must be 0 or more, was " + nulls);
            if (!Double.isFinite(value) || value < 0) throw new IllegalArgumentException("value must be a number 0 or more, was " + value);
            if (conversions == 0 && value != 0) throw new IllegalArgumentException("value must be 0 when conversions is 0 (it could not be attributed), was " + value);
            if (ageDays != null) {
                if (ageDays.length != path.length) throw new IllegalArgumentException("needs one age per touch");
                for (double a : ageDays) if (!Double.isFinite(a) || a < 0) throw new IllegalArgumentException("touch ages must be 0 or more days");
                anyAges = true;
            }
            if (size == this.paths.length) grow();
            this.paths[size] = path;
            this.ages[size] = ageDays;
            this.conversions[size] = conversions;
            this.values[size] = value;
            this.nulls[size] = nulls;
            size++;
            return this;
        }

        private void grow() {
            int n = size * 2;
            paths = Arrays.copyOf(paths, n);
            ages = Arrays.copyOf(ages, n);
            conversions = Arrays.copyOf(conversions, n);
            values = Arrays.copyOf(values, n);
            nulls = Arrays.copyOf(nulls, n);
        }

        public int size() {
            return size;
        }

        public PathTable build() {
            return new PathTable(this);
        }
    }
}
