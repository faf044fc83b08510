package io.marketops.collect.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/** Reads a request body, undoing gzip or deflate, and refuses bodies over the limit without reading them whole. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** The body is larger than the limit (after decompression); answered with 413. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    public static byte[] read(InputStream raw, String contentEncoding, long contentLength, int limit, String what) throws IOException {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(java.util.Locale.ROOT);
        boolean compressed = enc.equals("gzip") || enc.equals("x-gzip") || enc.equals("deflate");
        if (!compressed && contentLength > limit) throw tooLarge(contentLength, limit, what);
        InputStream in = switch (enc) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw, 16384);
            case "deflate" -> new InflaterInputStream(raw);
            default -> raw;
        };
        byte[] buf = new byte[contentLength > 0 && !compressed ? (int) contentLength : 64 * 1024];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (buf.length > limit) throw tooLarge(n, limit, what);
                buf = Arrays.copyOf(buf, Math.min(buf.length * 2, limit + 1));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) break;
            n += r;
            if (n > limit) throw tooLarge(n, limit, what);
        }
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
    }

    private static TooLarge tooLarge(long size, int limit, String what) {
        return new TooLarge(what + " is larger than " + (limit / 1024) + " KB"
                + "; send at most " + limit + " bytes (after decompression) per request");
    }
}
