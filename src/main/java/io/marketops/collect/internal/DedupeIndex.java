package io.marketops.collect.internal;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every message id ever stored, per workspace, in RocksDB (an LSM tree: appends are sequential,
 * lookups of new ids are answered by bloom filters without disk reads, so checks stay fast as
 * the store grows). A second column family holds the collector's small state (log end,
 * counters) so that ids, counters and the commit point change in one synced write.
 */
final class DedupeIndex implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private final RocksDB db;
    private final ColumnFamilyHandle ids;
    private final ColumnFamilyHandle meta;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final WriteOptions unsynced = new WriteOptions().setSync(false);
    private final ReadOptions reads = new ReadOptions();

    DedupeIndex(Path dir, int cacheMb) throws Exception {
        Files.createDirectories(dir);
        LRUCache cache = new LRUCache((long) cacheMb << 20);
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setFilterPolicy(new BloomFilter(10, false))
                .setBlockCache(cache);
        ColumnFamilyOptions cf = new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setMemtablePrefixBloomSizeRatio(0.1)
                .setMemtableWholeKeyFiltering(true)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setLevelCompactionDynamicLevelBytes(true);
        DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2).setKeepLogFileNum(5);
        resources.addAll(List.of(cache, cf, options));
        List<ColumnFamilyDescriptor> descriptors = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cf),
                new ColumnFamilyDescriptor("meta".getBytes(StandardCharsets.UTF_8), cf));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        db = RocksDB.open(options, dir.toString(), descriptors, handles);
        ids = handles.get(0);
        meta = handles.get(1);
    }

    /** The index key of a message id: the workspace id, big-endian, then the id in UTF-8. */
    static byte[] key(long workspaceId, String messageId) {
        byte[] m = messageId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + m.length).putLong(workspaceId).put(m).array();
    }

    /** For each key, whether it is already stored. */
    boolean[] contains(List<byte[]> keys) throws RocksDBException {
        boolean[] out = new boolean[keys.size()];
        if (keys.isEmpty()) return out;
        List<ColumnFamilyHandle> cfs = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) cfs.add(ids);
        List<byte[]> found = db.multiGetAsList(reads, cfs, keys);
        for (int i = 0; i < out.length; i++) out[i] = found.get(i) != null;
        return out;
    }

    /**
     * Stores new ids and state values in one atomic write. It is not synced: the collect log is
     * synced first and is the commit point; after a power loss the ids of log records past the
     * recorded log end are written again from the log (see {@link CollectStore}).
     */
    void commit(List<byte[]> newKeys, Map<String, byte[]> state) throws RocksDBException {
        byte[] empty = new byte[0];
        try (WriteBatch batch = new WriteBatch()) {
            for (byte[] k : newKeys) batch.put(ids, k, empty);
            for (Map.Entry<String, byte[]> e : state.entrySet()) batch.put(meta, e.getKey().getBytes(StandardCharsets.UTF_8), e.getValue());
            db.write(unsynced, batch);
        }
    }

    /** Makes every write so far durable (before log segments the index was rebuilt from are deleted). */
    void syncWal() throws RocksDBException {
        db.syncWal();
    }

    /** Every state value, by name. */
    Map<String, byte[]> state() {
        Map<String, byte[]> out = new HashMap<>();
        try (RocksIterator it = db.newIterator(meta)) {
            for (it.seekToFirst(); it.isValid(); it.next()) out.put(new String(it.key(), StandardCharsets.UTF_8), it.value());
        }
        return out;
    }

    @Override
    public void close() {
        ids.close();
        meta.close();
        try {
            db.syncWal();
        } catch (RocksDBException ignored) {
            // closing anyway
        }
        db.close();
        unsynced.close();
        reads.close();
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // native handles freed on a best-effort basis at shutdown
            }
        }
    }
}
