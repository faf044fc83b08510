package io.marketops.collect.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DurableLogTests {
    @TempDir
    Path dir;

    static byte[] rec(int i) {
        return ("record-" + i).getBytes();
    }

    @Test
    void readsBackWhatWasAppendedAcrossSegments() throws Exception {
        try (DurableLog log = new DurableLog(dir, 64)) {
            log.recover(0, e -> { });
            for (int i = 0; i < 20; i++) {
                log.rollIfFull();
                log.append(List.of(rec(i)));
                log.sync();
            }
            assertThat(log.segmentCount()).isGreaterThan(1);
            List<DurableLog.Entry> all = log.read(0, log.end(), Long.MAX_VALUE);
            assertThat(all).hasSize(20);
            assertThat(new String(all.get(19).payload())).isEqualTo("record-19");
            log.deleteBefore(all.get(10).position());
            assertThat(log.read(all.get(10).position(), log.end(), Long.MAX_VALUE)).hasSize(10);
        }
    }

    @Test
    void aRecordACrashCutShortIsCutOffAndTheRestReplayed() throws Exception {
        long afterTwo;
        try (DurableLog log = new DurableLog(dir, 1 << 20)) {
            log.recover(0, e -> { });
            log.append(List.of(rec(1), rec(2)));
            log.sync();
            afterTwo = log.end();
        }
        Path seg;
        try (var files = Files.list(dir)) {
            seg = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.allocate(12).putInt(100).putInt(7).putInt(1).flip()); // a header whose payload never made it
        }
        List<String> replayed = new ArrayList<>();
        try (DurableLog log = new DurableLog(dir, 1 << 20)) {
            long end = log.recover(0, e -> replayed.add(new String(e.payload())));
            assertThat(end).isEqualTo(afterTwo);
            assertThat(replayed).containsExactly("record-1", "record-2");
            log.append(List.of(rec(3)));
            assertThat(log.read(0, log.end(), Long.MAX_VALUE)).hasSize(3);
        }
    }
}
