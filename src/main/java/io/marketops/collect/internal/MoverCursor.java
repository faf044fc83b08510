package io.marketops.collect.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Where the mover stands in the collect log, in a small synced file: {@code done <position>},
 * or {@code pending <from> <to> <workspace> <message id>} while a step's warehouse transaction
 * may or may not have committed.
 */
final class MoverCursor {
    private final Path file;

    /** Answers whether the warehouse holds an event. */
    interface Probe {
        boolean stored(long workspaceId, String messageId);
    }

    MoverCursor(Path file) {
        this.file = file;
    }

    /** The position up to which events are in the warehouse, settling an interrupted step. */
    long recover(Probe probe) throws IOException {
        if (!Files.exists(file)) return 0;
        String[] p = Files.readString(file).trim().split(" ");
        if (p[0].equals("done")) return Long.parseLong(p[1]);
        long from = Long.parseLong(p[1]), to = Long.parseLong(p[2]);
        if (p.length < 5) {
            done(from);
            return from;
        }
        String messageId = new String(Base64.getDecoder().decode(p[4]), StandardCharsets.UTF_8);
        long at = probe.stored(Long.parseLong(p[3]), messageId) ? to : from;
        done(at);
        return at;
    }

    void pending(long from, long to, long workspaceId, String messageId) throws IOException {
        String probe = messageId == null ? "" : " " + workspaceId + " " + Base64.getEncoder().encodeToString(messageId.getBytes(StandardCharsets.UTF_8));
        SyncedFiles.write(file, "pending " + from + " " + to + probe + "\n");
    }

    void done(long position) throws IOException {
        SyncedFiles.write(file, "done " + position + "\n");
    }
}
