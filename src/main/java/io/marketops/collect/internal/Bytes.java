package io.marketops.collect.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte layout of collect log records ({@link LogRecord}, {@link RowCodec}): big-endian
 * numbers and length-prefixed byte strings (length -1 = null), the same bytes
 * {@code DataOutputStream} writes, without its per-byte synchronised writes — this runs for
 * every event on the request threads and in the mover.
 */
final class Bytes {
    private Bytes() {
    }

    static final class Writer {
        private byte[] buf;
        private int n;

        Writer(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        private void room(int more) {
            if (n + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }

        Writer byte1(int b) {
            room(1);
            buf[n++] = (byte) b;
            return this;
        }

        Writer int4(int v) {
            room(4);
            buf[n++] = (byte) (v >>> 24);
            buf[n++] = (byte) (v >>> 16);
            buf[n++] = (byte) (v >>> 8);
            buf[n++] = (byte) v;
            return this;
        }

        Writer long8(long v) {
            return int4((int) (v >>> 32)).int4((int) v);
        }

        Writer blob(byte[] b) {
            if (b == null) return int4(-1);
            int4(b.length);
            room(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
            return this;
        }

        Writer str(String s) {
            return blob(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, n);
        }
    }

    static final class Reader {
        private final byte[] b;
        private int at;

        Reader(byte[] b) {
            this.b = b;
        }

        int byte1() {
            check(1);
            return b[at++];
        }

        int int4() {
            check(4);
            int v = ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
            at += 4;
            return v;
        }

        long long8() {
            return ((long) int4() << 32) | (int4() & 0xffffffffL);
        }

        byte[] blob() {
            int len = int4();
            if (len < 0) return null;
            check(len);
            byte[] out = Arrays.copyOfRange(b, at, at + len);
            at += len;
            return out;
        }

        String str() {
            int len = int4();
            if (len < 0) return null;
            check(len);
            String s = new String(b, at, len, StandardCharsets.UTF_8);
            at += len;
            return s;
        }

        private void check(int len) {
            if (len < 0 || at + len > b.length) throw new IllegalStateException("collect log record is cut short at byte " + at);
        }
    }
}
