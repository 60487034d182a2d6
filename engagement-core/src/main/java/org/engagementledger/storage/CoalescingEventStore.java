package org.engagementledger.storage;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's {@link EmbeddedEventStore}, except that a commit wakes the thread feeding the streaming event
 * processors (the read models) {@code fetchDelay} later, once for every commit in that window, instead of
 * at once for each commit.
 *
 * <p>Why: every wake-up is a fetch from the event table (two queries, with gap checks), and under load
 * Axon's store fetches once per command, usually to find a single event. With one writer on two cores that
 * fetching cost as much CPU as the commands themselves (see the README's "Benchmark"). Delayed, the events of
 * all commits in the window come in one fetch.
 *
 * <p>What it costs: a processor sees a commit up to {@code fetchDelay} later. Axon's pooled streaming
 * processor, once caught up, looks for new events only every 500 ms anyway. Commits of other processes are
 * found by the producer's regular poll, as with Axon's store. A zero delay behaves exactly as Axon's store.
 *
 * <p>Invariant: no wake-up is lost. A commit either schedules the next wake-up or finds one scheduled that
 * has not yet cleared its flag, and that wake-up therefore fetches after the commit.
 */
public final class CoalescingEventStore extends EmbeddedEventStore {

    private final long delayNanos;
    private final AtomicBoolean wakeUpScheduled = new AtomicBoolean();
    private final ScheduledExecutorService timer;

    /**
     * @param builder    Axon's builder, with at least the storage engine set
     * @param fetchDelay how long after a commit the processors' event stream fetches; zero for at once
     */
    public CoalescingEventStore(EmbeddedEventStore.Builder builder, Duration fetchDelay) {
        super(builder);
        Objects.requireNonNull(fetchDelay, "fetchDelay");
        if (fetchDelay.isNegative()) {
            throw new IllegalArgumentException("fetchDelay must be zero or positive, was " + fetchDelay);
        }
        this.delayNanos = fetchDelay.toNanos();
        this.timer = delayNanos == 0 ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "engagement-ledger-event-fetch");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (timer == null) {
            super.afterCommit(events);
            return;
        }
        if (wakeUpScheduled.compareAndSet(false, true)) {
            try {
                timer.schedule(this::wakeUp, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shutDown) {
                wakeUpScheduled.set(false);
                super.afterCommit(events);
            }
        }
    }

    private void wakeUp() {
        wakeUpScheduled.set(false);
        super.afterCommit(List.of());
    }

    @Override
    public void shutDown() {
        if (timer != null) {
            timer.shutdownNow();
        }
        super.shutDown();
    }
}
