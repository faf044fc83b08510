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
        Map<Key, Integer> index = new HashMap<>();
        List<int[]> members = new ArrayList<>();
        double[] conversions = new double[64], values = new double[64];
        for (int row = 0; row < table.size(); row++) {
            if (table.conversions(row) == 0) continue;
            int[] path = table.path(row);
            for (int c : path) {
                if (playerOf[c] < 0) {
                    playerOf[c] = players;
                    channelOfPlayer[players++] = c;
                }
            }
            int[] set = Arrays.stream(path).map(c -> playerOf[c]).sorted().distinct().toArray();
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
        return new Coalitions(Arrays.copyOf(channelOfPlayer, players), members.toArray(int[][]::new),
                Arrays.copyOf(conversions, m), Arrays.copyOf(values, m));
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
