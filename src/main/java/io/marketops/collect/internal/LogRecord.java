package io.marketops.collect.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(workspaceId);
            out.writeLong(receivedAt);
            string(out, sentAt);
            blob(out, batchContext);
            out.writeInt(items.size());
            for (Item i : items) {
                string(out, i.type());
                string(out, i.messageId());
                out.writeInt(i.index());
                string(out, i.reason());
                blob(out, i.raw());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static LogRecord decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            byte v = in.readByte();
            if (v != VERSION) throw new IllegalStateException("unknown collect log record version " + v);
            long ws = in.readLong(), at = in.readLong();
            String sentAt = string(in);
            byte[] context = blob(in);
            int n = in.readInt();
            List<Item> items = new ArrayList<>(n);
            for (int k = 0; k < n; k++) items.add(new Item(string(in), string(in), in.readInt(), string(in), blob(in)));
            return new LogRecord(ws, at, sentAt, context, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        blob(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static void blob(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = blob(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] blob(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
