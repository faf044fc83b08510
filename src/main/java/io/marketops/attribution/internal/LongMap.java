package io.marketops.attribution.internal;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to long values (linear probing, no removal): counting
 * millions of transitions with boxed {@code HashMap<Long, Long>} would dominate the Markov model's time.
 */
final class LongMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private long[] values;
    private int size;
    private int mask;

    LongMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new long[cap];
        Arrays.fill(keys, EMPTY);
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or {@code missing}. */
    long get(long key, long missing) {
        int i = slot(key);
        return keys[i] == EMPTY ? missing : values[i];
    }

    /** Puts {@code value} unless the key is present; returns the value now stored. */
    long putIfAbsent(long key, long value) {
        int i = slot(key);
        if (keys[i] != EMPTY) return values[i];
        insert(i, key, value);
        return value;
    }

    void addTo(long key, long delta) {
        int i = slot(key);
        if (keys[i] != EMPTY) values[i] += delta;
        else insert(i, key, delta);
    }

    /** Calls {@code f} with every entry (no particular order). */
    void forEach(Entry f) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != EMPTY) f.accept(keys[i], values[i]);
    }

    interface Entry {
        void accept(long key, long value);
    }

    private int slot(long key) {
        if (key == EMPTY) throw new IllegalArgumentException("reserved key");
        int i = (int) (mix(key) & mask);
        while (keys[i] != EMPTY && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private void insert(int i, long key, long value) {
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) rehash();
    }

    private void rehash() {
        long[] k = keys, v = values;
        keys = new long[k.length * 2];
        values = new long[k.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != EMPTY) {
                int j = slot(k[i]);
                keys[j] = k[i];
                values[j] = v[i];
                size++;
            }
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
