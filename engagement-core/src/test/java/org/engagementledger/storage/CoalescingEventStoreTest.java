package org.engagementledger.storage;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CoalescingEventStore}: how often the producer behind a tailing event stream fetches from the
 * storage engine. Axon's producer also polls on its own every {@code fetchDelay}; these tests set that to a
 * minute, so that every fetch they count was caused by a commit.
 */
class CoalescingEventStoreTest {

    private static final int COMMITS = 20;

    private final CountingEngine engine = new CountingEngine();
    private final List<CoalescingEventStore> stores = new ArrayList<>();

    @AfterEach
    void shutDown() {
        stores.forEach(CoalescingEventStore::shutDown);
    }

    @Test
    void theEventsOfCommitsWithinTheDelayReachTheStreamInOneWakeUp() throws InterruptedException {
        CoalescingEventStore store = store(Duration.ofMillis(400));
        BlockingStream<TrackedEventMessage<?>> stream = tailing(store);

        commitOneByOne(store);

        assertEquals(COMMITS, drain(stream));
        // one wake-up: the fetch that finds the events and the producer's look for more, which finds none
        assertTrue(engine.fetches() <= 2, "fetches after " + COMMITS + " commits: " + engine.fetches());
    }

    @Test
    void withoutADelayEveryCommitWakesTheProducerAsInAxonsStore() throws InterruptedException {
        CoalescingEventStore store = store(Duration.ZERO);
        BlockingStream<TrackedEventMessage<?>> stream = tailing(store);

        commitOneByOne(store);

        assertEquals(COMMITS, drain(stream));
        assertTrue(engine.fetches() >= COMMITS / 2, "fetches after " + COMMITS + " commits: " + engine.fetches());
    }

    @Test
    void aCommitReachesTheStreamOnceTheDelayHasPassed() throws InterruptedException {
        Duration delay = Duration.ofMillis(300);
        CoalescingEventStore store = store(delay);
        BlockingStream<TrackedEventMessage<?>> stream = tailing(store);

        long committed = System.nanoTime();
        store.publish(GenericEventMessage.asEventMessage("one"));

        assertFalse(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS), "seen before the delay");
        assertTrue(stream.hasNextAvailable(10, TimeUnit.SECONDS), "never seen");
        long waited = System.nanoTime() - committed;
        assertTrue(waited >= delay.toNanos() - TimeUnit.MILLISECONDS.toNanos(20), "seen after " + waited / 1_000_000 + " ms");
        assertEquals("one", stream.nextAvailable().getPayload());
    }

    @Test
    void aCommitAfterShutDownIsIgnored() {
        CoalescingEventStore store = store(Duration.ofMillis(50));
        store.shutDown();
        assertDoesNotThrow(() -> store.publish(GenericEventMessage.asEventMessage("late")));
    }

    @Test
    void aNegativeDelayIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new CoalescingEventStore(EmbeddedEventStore.builder().storageEngine(engine), Duration.ofMillis(-1)));
        assertEquals("fetchDelay must be zero or positive, was PT-0.001S", refused.getMessage());
    }

    private CoalescingEventStore store(Duration delay) {
        CoalescingEventStore store = new CoalescingEventStore(EmbeddedEventStore.builder()
                .storageEngine(engine)
                .fetchDelay(TimeUnit.MINUTES.toMillis(1)), delay);
        stores.add(store);
        return store;
    }

    /** A stream that tails the producer's cache (it has seen the empty store), with the fetch count reset. */
    private BlockingStream<TrackedEventMessage<?>> tailing(CoalescingEventStore store) throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
        assertFalse(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS));
        Thread.sleep(50); // the producer's first fetch, when it starts
        engine.reset();
        return stream;
    }

    /** Publishes {@value #COMMITS} events, each committed on its own, 5 ms apart (100 ms in all). */
    private static void commitOneByOne(CoalescingEventStore store) throws InterruptedException {
        for (int i = 0; i < COMMITS; i++) {
            store.publish(GenericEventMessage.asEventMessage("event " + i));
            Thread.sleep(5);
        }
    }

    private static int drain(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        int read = 0;
        while (read < COMMITS && stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
            assertEquals("event " + read, stream.nextAvailable().getPayload());
            read++;
        }
        return read;
    }

    /** Axon's in-memory engine, counting the streaming reads (the producer's fetches). */
    private static final class CountingEngine extends ForwardingEventStorageEngine {
        private final AtomicInteger fetches = new AtomicInteger();

        CountingEngine() {
            super(new InMemoryEventStorageEngine());
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            fetches.incrementAndGet();
            return super.readEvents(trackingToken, mayBlock);
        }

        int fetches() {
            return fetches.get();
        }

        void reset() {
            fetches.set(0);
        }
    }
}
