package io.marketops.collect.internal;

import io.marketops.collect.Touch;
import io.marketops.warehouse.EventRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A valid event as the collect log keeps it: already mapped to its warehouse columns in the
 * request's thread (where it was parsed anyway), so the single mover only adds session and
 * channel and loads. Session and channel are not stored here.
 */
final class RowCodec {
    private static final byte VERSION = 1;

    private RowCodec() {
    }

    /** A decoded row, with the alias call's previousId (for identity links). */
    record Decoded(EventRow row, String previousId) {
        Touch touch() {
            return new Touch(row.utmSource(), row.utmMedium(), row.utmCampaign(), row.referrer(), row.url());
        }
    }

    static byte[] encode(EventRow r, String previousId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(r.workspaceId());
            for (String s : new String[]{r.messageId(), r.type(), r.event(), r.userId(), r.anonymousId()}) str(out, s);
            instant(out, r.ts());
            instant(out, r.receivedAt());
            for (String s : new String[]{r.utmSource(), r.utmMedium(), r.utmCampaign(), r.utmTerm(), r.utmContent(), r.referrer(), r.url(),
                    r.path(), r.device(), r.os(), r.browser(), r.region(), r.city(), r.platform(),
                    r.revenue() == null ? null : r.revenue().toPlainString(), r.currency(), r.orderId(), r.properties(), r.traits(),
                    r.context(), previousId}) {
                str(out, s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Decoded decode(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            if (in.readByte() != VERSION) throw new IllegalStateException("unknown collect row version");
            long ws = in.readLong();
            String messageId = str(in), type = str(in), event = str(in), userId = str(in), anonymousId = str(in);
            Instant ts = instant(in), receivedAt = instant(in);
            String[] f = new String[21];
            for (int i = 0; i < f.length; i++) f[i] = str(in);
            EventRow row = new EventRow(ws, messageId, type, event, userId, anonymousId, ts, receivedAt, null, null,
                    f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13],
                    f[14] == null ? null : new BigDecimal(f[14]), f[15], f[16], f[17], f[18], f[19]);
            return new Decoded(row, f[20]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
