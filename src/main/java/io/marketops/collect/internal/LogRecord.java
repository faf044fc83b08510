package io.marketops.collect.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What one request left in the log: its workspace, when it arrived, and each new valid event
 * (its warehouse row, see {@link RowCodec}) and each rejected one (the bytes as sent, for the
 * quarantine). Duplicates leave nothing.
 */
record LogRecord(long workspaceId, long receivedAt, String sentAt, byte[] batchContext, List<Item> items) {
    private static final byte VERSION = 1;

    /** A valid event ({@code raw} = its encoded row) or a rejected one ({@code reason} set, {@code raw} = the bytes as sent). */
    record Item(String type, String messageId, int index, String reason, byte[] raw) {
        boolean rejected() {
            return reason != null;
        }
    }

    byte[] encode() {
        int size = 64;
        for (Item i : items) size += i.raw().length + 64;
        Bytes.Writer out = new Bytes.Writer(size);
        out.byte1(VERSION).long8(workspaceId).long8(receivedAt).str(sentAt).blob(batchContext).int4(items.size());
        for (Item i : items) out.str(i.type()).str(i.messageId()).int4(i.index()).str(i.reason()).blob(i.raw());
        return out.toBytes();
    }

    static LogRecord decode(byte[] payload) {
        Bytes.Reader in = new Bytes.Reader(payload);
        int v = in.byte1();
        if (v != VERSION) throw new IllegalStateException("unknown collect log record version " + v);
        long ws = in.long8(), at = in.long8();
        String sentAt = in.str();
        byte[] context = in.blob();
        int n = in.int4();
        List<Item> items = new ArrayList<>(Math.min(n, 100_000));
        for (int k = 0; k < n; k++) items.add(new Item(in.str(), in.str(), in.int4(), in.str(), in.blob()));
        return new LogRecord(ws, at, sentAt, context, items);
    }
}
