package io.marketops.collect.internal;

import io.marketops.collect.Touch;
import io.marketops.warehouse.EventRow;

import java.math.BigDecimal;
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
        Bytes.Writer out = new Bytes.Writer(512);
        out.byte1(VERSION).long8(r.workspaceId());
        for (String s : new String[]{r.messageId(), r.type(), r.event(), r.userId(), r.anonymousId()}) out.str(s);
        instant(out, r.ts());
        instant(out, r.receivedAt());
        for (String s : new String[]{r.utmSource(), r.utmMedium(), r.utmCampaign(), r.utmTerm(), r.utmContent(), r.referrer(), r.url(),
                r.path(), r.device(), r.os(), r.browser(), r.region(), r.city(), r.platform(),
                r.revenue() == null ? null : r.revenue().toPlainString(), r.currency(), r.orderId(), r.properties(), r.traits(),
                r.context(), previousId}) {
            out.str(s);
        }
        return out.toBytes();
    }

    static Decoded decode(byte[] b) {
        Bytes.Reader in = new Bytes.Reader(b);
        if (in.byte1() != VERSION) throw new IllegalStateException("unknown collect row version");
        long ws = in.long8();
        String messageId = in.str(), type = in.str(), event = in.str(), userId = in.str(), anonymousId = in.str();
        Instant ts = instant(in), receivedAt = instant(in);
        String[] f = new String[21];
        for (int i = 0; i < f.length; i++) f[i] = in.str();
        EventRow row = new EventRow(ws, messageId, type, event, userId, anonymousId, ts, receivedAt, null, null,
                f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13],
                f[14] == null ? null : new BigDecimal(f[14]), f[15], f[16], f[17], f[18], f[19]);
        return new Decoded(row, f[20]);
    }

    private static void instant(Bytes.Writer out, Instant t) {
        out.long8(t.getEpochSecond()).int4(t.getNano());
    }

    private static Instant instant(Bytes.Reader in) {
        return Instant.ofEpochSecond(in.long8(), in.int4());
    }
}
