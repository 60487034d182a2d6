package org.engagementledger.integrity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Spreads a scan's per-row work over the machine's cores without changing what anyone observes: the
 * reading thread collects rows in batches; worker threads recompute each row's hash
 * ({@link EventHasher#inspect}) and run the caller's {@code prepare} (e.g. deserializing the payload),
 * which depend on the row alone; then, back on the reading thread and in the scan's order, the
 * {@link ChainVerifier} checks links, gaps and digests and the caller's {@code each} receives the row
 * with what was prepared for it. Order-dependent work therefore stays sequential, and exceptions from
 * {@code each} surface on the caller's thread as they would without workers.
 *
 * <p>At most {@value #WINDOW} batches of {@value #BATCH} rows are in flight, so memory stays bounded
 * however large the store. There is one worker per available processor (at most four: on a two-core
 * machine, two workers replayed about 10 % faster than one on PostgreSQL and no slower on H2, where runs
 * were too noisy to say more, because the reading thread is mostly waiting for the database or inside
 * its driver); with one processor, everything runs inline on the reading thread.
 *
 * @param <T> what {@code prepare} makes of a row; {@code prepare} must not depend on other rows and
 *            should not throw: an exception it throws ends the scan
 */
final class PipelinedScan<T> implements AutoCloseable {

    static final int BATCH = 256;
    static final int WINDOW = 4;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private record Prepared<T>(StoredEvent event, EventHasher.Inspection inspection, T value) {
    }

    private final ChainVerifier verifier;
    private final Function<StoredEvent, T> prepare;
    private final BiConsumer<StoredEvent, T> each;
    private final ExecutorService workers;
    private final ArrayDeque<Future<List<Prepared<T>>>> inFlight = new ArrayDeque<>();
    private List<StoredEvent> batch = new ArrayList<>(BATCH);

    PipelinedScan(ChainVerifier verifier, Function<StoredEvent, T> prepare, BiConsumer<StoredEvent, T> each) {
        this.verifier = verifier;
        this.prepare = prepare;
        this.each = each;
        // the reading thread is mostly waiting for the database or inside its driver, so the workers get every processor
        int processors = Runtime.getRuntime().availableProcessors();
        int threads = processors < 2 ? 0 : Math.min(processors, 4);
        this.workers = threads < 1 ? null : Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "ledger-verify-" + POOLS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes the next row of the scan. */
    void accept(StoredEvent event) {
        batch.add(event);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Hands on every row still pending; call once, after the last row. */
    void finish() {
        submit();
        while (!inFlight.isEmpty()) {
            consume(await(inFlight.poll()));
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    private void submit() {
        if (batch.isEmpty()) {
            return;
        }
        List<StoredEvent> rows = batch;
        batch = new ArrayList<>(BATCH);
        if (workers == null) {
            consume(prepareAll(rows));
            return;
        }
        inFlight.add(workers.submit(() -> prepareAll(rows)));
        while (inFlight.size() > WINDOW) {
            consume(await(inFlight.poll()));
        }
    }

    private List<Prepared<T>> prepareAll(List<StoredEvent> rows) {
        List<Prepared<T>> prepared = new ArrayList<>(rows.size());
        for (StoredEvent row : rows) {
            prepared.add(new Prepared<>(row, EventHasher.inspect(row), prepare.apply(row)));
        }
        return prepared;
    }

    private void consume(List<Prepared<T>> prepared) {
        for (Prepared<T> row : prepared) {
            verifier.accept(row.event(), row.inspection());
            each.accept(row.event(), row.value());
        }
    }

    private List<Prepared<T>> await(Future<List<Prepared<T>>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntegrityException("interrupted while verifying the event store", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IntegrityException("cannot verify the event store: " + e.getCause(), e.getCause());
        }
    }
}
