package io.marketops.demo;

import io.marketops.warehouse.AdCostRow;
import io.marketops.warehouse.ContentMetricRow;
import io.marketops.warehouse.CustomerRow;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.FactAppender;
import io.marketops.warehouse.OrderRow;
import io.marketops.warehouse.Warehouse;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Runs the generator on its own thread and appends its rows on the caller's, in transactions
 * of a bounded size: generation and DuckDB's appender use a core each, and a 10M-event run is
 * a few moderate transactions rather than one huge one. Rows travel in batches through a small
 * bounded queue, so memory stays flat. If appending fails, the generator is stopped; rows of
 * transactions committed before the failure stay.
 */
final class PipelinedAppend {
    static final int BATCH = 4_096;
    private static final Object[] END = new Object[0];
    private static final Object[] FAILED = new Object[0];

    private PipelinedAppend() {
    }

    static Manifest run(Warehouse warehouse, long rowsPerTransaction, Function<FactAppender, Manifest> producer) {
        BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(32);
        Manifest[] result = new Manifest[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            Batcher batcher = new Batcher(queue);
            try {
                result[0] = producer.apply(batcher);
                batcher.flush();
                queue.put(END);
            } catch (Throwable e) {
                failure[0] = e;
                try {
                    queue.put(FAILED);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "demo-generator");
        thread.setDaemon(true);
        thread.start();
        boolean[] done = {false};
        try {
            while (!done[0]) {
                warehouse.append(sink -> done[0] = drain(queue, sink, rowsPerTransaction, failure));
            }
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending generated rows", e);
        } catch (RuntimeException e) {
            thread.interrupt();
            throw e;
        }
        return result[0];
    }

    /** Appends up to about {@code limit} rows; true when the generator has finished. */
    private static boolean drain(BlockingQueue<Object[]> queue, FactAppender sink, long limit, Throwable[] failure) {
        long rows = 0;
        while (rows < limit) {
            Object[] batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while appending generated rows", e);
            }
            if (batch == END) return true;
            if (batch == FAILED) throw new IllegalStateException("generation failed: " + failure[0].getMessage(), failure[0]);
            for (Object row : batch) {
                if (row == null) break;
                if (row instanceof EventRow e) sink.event(e);
                else if (row instanceof OrderRow o) sink.order(o);
                else if (row instanceof AdCostRow a) sink.adCost(a);
                else if (row instanceof ContentMetricRow c) sink.contentMetric(c);
                else sink.customer((CustomerRow) row);
                rows++;
            }
        }
        return false;
    }

    /** Collects rows into batches on the generator's thread. */
    private static final class Batcher implements FactAppender {
        private final BlockingQueue<Object[]> queue;
        private Object[] batch = new Object[BATCH];
        private int size;

        Batcher(BlockingQueue<Object[]> queue) {
            this.queue = queue;
        }

        @Override public void event(EventRow row) { add(row); }
        @Override public void order(OrderRow row) { add(row); }
        @Override public void adCost(AdCostRow row) { add(row); }
        @Override public void contentMetric(ContentMetricRow row) { add(row); }
        @Override public void customer(CustomerRow row) { add(row); }

        private void add(Object row) {
            batch[size++] = row;
            if (size == BATCH) flush();
        }

        void flush() {
            if (size == 0) return;
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("generation stopped: appending failed", e);
            }
            batch = new Object[BATCH];
            size = 0;
        }
    }
}
