package io.marketops.attribution.internal;

import io.marketops.attribution.PathTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The converting paths of a table grouped by the set of channels they touched (order and repeats
 * do not matter to Shapley values). Players are the channels that appear in a converting path,
 * numbered 0..n−1; channels only seen in paths without conversions can never change a coalition's
 * worth, so they are left out and earn 0.
 */
final class Coalitions {
    final int players;
    /** Table channel id of each player. */
    final int[] channelOfPlayer;
    /** Distinct player sets, with the conversions and value of the paths that touched exactly that set. */
    final int[][] members;
    final double[] conversions;
    final double[] values;

    private Coalitions(int[] channelOfPlayer, int[][] members, double[] conversions, double[] values) {
        this.players = channelOfPlayer.length;
        this.channelOfPlayer = channelOfPlayer;
        this.members = members;
        this.conversions = conversions;
        this.values = values;
    }

    static Coalitions of(PathTable table) {
        int[] playerOf = new int[table.channelCount()];
        Arrays.fill(playerOf, -1);
        int[] channelOfPlayer = new int[table.channelCount()];
        int players = 0;
        for (int row = 0; row < table.size(); row++) {
            if (table.conversions(row) == 0) continue;
            for (int c : table.path(row)) {
                if (playerOf[c] < 0) {
                    playerOf[c] = players;
                    channelOfPlayer[players++] = c;
                }
            }
        }
        channelOfPlayer = Arrays.copyOf(channelOfPlayer, players);
        return players <= 63 ? byMask(table, playerOf, channelOfPlayer) : bySortedSet(table, playerOf, channelOfPlayer);
    }

    /** Up to 63 players a channel set is a bitmask: one pass, no allocation per row. */
    private static Coalitions byMask(PathTable table, int[] playerOf, int[] channelOfPlayer) {
        LongMap index = new LongMap(1024);
        long[] masks = new long[64];
        double[] conversions = new double[64], values = new double[64];
        int m = 0;
        for (int row = 0; row < table.size(); row++) {
            long conv = table.conversions(row);
            if (conv == 0) continue;
            long mask = 0;
            for (int c : table.path(row)) mask |= 1L << playerOf[c];
            int i = (int) index.putIfAbsent(mask, m);
            if (i == m) {
                if (m == masks.length) {
                    masks = Arrays.copyOf(masks, m * 2);
                    conversions = Arrays.copyOf(conversions, m * 2);
                    values = Arrays.copyOf(values, m * 2);
                }
                masks[m++] = mask;
            }
            conversions[i] += conv;
            values[i] += table.value(row);
        }
        int[][] members = new int[m][];
        for (int i = 0; i < m; i++) {
            long mask = masks[i];
            int[] set = new int[Long.bitCount(mask)];
            for (int k = 0; mask != 0; k++, mask &= mask - 1) set[k] = Long.numberOfTrailingZeros(mask);
            members[i] = set;
        }
        return new Coalitions(channelOfPlayer, members, Arrays.copyOf(conversions, m), Arrays.copyOf(values, m));
    }

    private static Coalitions bySortedSet(PathTable table, int[] playerOf, int[] channelOfPlayer) {
        Map<Key, Integer> index = new HashMap<>();
        List<int[]> members = new ArrayList<>();
        double[] conversions = new double[64], values = new double[64];
        for (int row = 0; row < table.size(); row++) {
            if (table.conversions(row) == 0) continue;
            int[] set = Arrays.stream(table.path(row)).map(c -> playerOf[c]).sorted().distinct().toArray();
            Integer i = index.putIfAbsent(new Key(set), members.size());
            if (i == null) {
                i = members.size();
                members.add(set);
                if (i == conversions.length) {
                    conversions = Arrays.copyOf(conversions, i * 2);
                    values = Arrays.copyOf(values, i * 2);
                }
            }
            conversions[i] += table.conversions(row);
            values[i] += table.value(row);
        }
        int m = members.size();
        return new Coalitions(channelOfPlayer, members.toArray(int[][]::new), Arrays.copyOf(conversions, m), Arrays.copyOf(values, m));
    }

    /** Total touches over all distinct sets: the work of one sampled permutation. */
    long size() {
        long n = 0;
        for (int[] m : members) n += m.length;
        return n;
    }

    private record Key(int[] ids) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(ids, k.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }
    }
}
