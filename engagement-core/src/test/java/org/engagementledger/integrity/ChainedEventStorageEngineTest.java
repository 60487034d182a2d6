package org.engagementledger.integrity;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.engagementledger.api.EngagementId;
import org.engagementledger.storage.LedgerSerializers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class ChainedEventStorageEngineTest {

    private final Serializer serializer = LedgerSerializers.jackson();
    private final ProbeEngine store = new ProbeEngine();

    @Test
    void theInMemoryEngineChainsEveryEventALedgerStores() {
        Configuration axon = TestLedgers.inMemory();
        try {
            TestLedgers.record(axon, ENGAGEMENT, 3);
            TestLedgers.record(axon, EngagementId.of("ENG-2026-002"), 1);

            ChainedEventStorageEngine engine = TestLedgers.engine(axon);
            Serializer eventSerializer = axon.eventSerializer();
            List<StoredEvent> events = new ArrayList<>();
            for (String id : List.of("ENG-2026-001", "ENG-2026-002")) {
                engine.readEvents(id, 0).asStream().forEach(e -> events.add(StoredEvent.from(e, eventSerializer)));
            }
            assertEquals(8, events.size());
            for (int i = 1; i < 5; i++) {
                assertEquals(EventHasher.chainLinks(events.get(i - 1).metaData()).hash(), EventHasher.chainLinks(events.get(i).metaData()).previous());
            }
            VerificationReport report = LedgerVerifier.verify(events.iterator(), VerificationRequest.all(), "memory");
            assertTrue(report.intact(), report::toText);
            assertEquals(2, report.engagementsChecked());
            assertEquals(Optional.of(4L), engine.cachedHead("ENG-2026-001").map(Head::sequence));
        } finally {
            axon.shutdown();
        }
    }

    @Test
    void eventsOfOneBatchChainToEachOther() {
        ChainedEventStorageEngine engine = ChainedEventStorageEngine.wrap(store, serializer);
        engine.appendEvents(List.of(event("X", 0), event("Y", 0), event("X", 1), event("X", 2)));

        List<? extends DomainEventMessage<?>> x = store.inner.readEvents("X").asStream().toList();
        assertEquals(Hashing.ZERO_HASH, x.get(0).getMetaData().get(EventHasher.CHAIN_PREV));
        assertEquals(x.get(0).getMetaData().get(EventHasher.CHAIN_HASH), x.get(1).getMetaData().get(EventHasher.CHAIN_PREV));
        assertEquals(x.get(1).getMetaData().get(EventHasher.CHAIN_HASH), x.get(2).getMetaData().get(EventHasher.CHAIN_PREV));
        assertEquals(0, store.storeReads.get(), "nothing had to be read back");
        assertTrue(verify().intact());
    }

    @Test
    void anEventNoAggregatePublishedIsChainedAsTheOneEventAggregateAxonStoresItAs() {
        ChainedEventStorageEngine engine = ChainedEventStorageEngine.wrap(store, serializer);
        GenericEventMessage<Object> plain = new GenericEventMessage<>(activated());
        engine.appendEvents(List.of(plain));

        DomainEventMessage<?> stored = store.inner.readEvents(plain.getIdentifier()).next();
        assertNull(stored.getType());
        assertEquals(0, stored.getSequenceNumber());
        assertEquals(Hashing.ZERO_HASH, stored.getMetaData().get(EventHasher.CHAIN_PREV));
        assertTrue(verify().intact());
    }

    @Test
    void anAppendOutsideAUnitOfWorkReadsThePredecessorFromTheStoreAndCachesNothing() {
        ChainedEventStorageEngine engine = ChainedEventStorageEngine.wrap(store, serializer);
        engine.appendEvents(List.of(event("X", 0)));
        engine.appendEvents(List.of(event("X", 1)));

        assertEquals(1, store.storeReads.get());
        assertTrue(engine.cachedHead("X").isEmpty());
        assertTrue(verify().intact());
    }

    @Test
    void aCommittedHeadIsCachedSoTheNextAppendNeedsNoStoreRead() {
        ChainedEventStorageEngine engine = ChainedEventStorageEngine.wrap(store, serializer);
        inUnitOfWork(() -> engine.appendEvents(List.of(event("X", 0))));
        assertEquals(Optional.of(0L), engine.cachedHead("X").map(Head::sequence));

        inUnitOfWork(() -> engine.appendEvents(List.of(event("X", 1))));
        inUnitOfWork(() -> {
            engine.appendEvents(List.of(event("X", 2)));
            engine.appendEvents(List.of(event("X", 3))); // a second round in the same, uncommitted unit of work
        });

        assertEquals(0, store.storeReads.get());
        assertEquals(Optional.of(3L), engine.cachedHead("X").map(Head::sequence));
        assertTrue(verify().intact());
    }

    @Test
    void aRolledBackAppendLeavesNoHeadInTheCache() {
        ChainedEventStorageEngine writerA = ChainedEventStorageEngine.wrap(store, serializer);
        ChainedEventStorageEngine writerB = ChainedEventStorageEngine.wrap(store, serializer);
        inUnitOfWork(() -> writerA.appendEvents(List.of(event("X", 0))));

        // A loses a race at 1: its append fails (as on the unique key) and its unit of work rolls back
        store.failNextAppend = true;
        assertThrows(IllegalStateException.class, () -> inUnitOfWork(() -> writerA.appendEvents(List.of(event("X", 1)))));
        assertEquals(Optional.of(0L), writerA.cachedHead("X").map(Head::sequence));

        // B's event 1 is the one stored; A's next append must link to it
        inUnitOfWork(() -> writerB.appendEvents(List.of(event("X", 1))));
        inUnitOfWork(() -> writerA.appendEvents(List.of(event("X", 2))));

        List<? extends DomainEventMessage<?>> x = store.inner.readEvents("X").asStream().toList();
        assertEquals(x.get(1).getMetaData().get(EventHasher.CHAIN_HASH), x.get(2).getMetaData().get(EventHasher.CHAIN_PREV));
        assertTrue(verify().intact(), () -> verify().toText());
    }

    @Test
    void aCachedHeadOfAnOlderPositionIsIgnored() {
        ChainedEventStorageEngine writerA = ChainedEventStorageEngine.wrap(store, serializer);
        ChainedEventStorageEngine writerB = ChainedEventStorageEngine.wrap(store, serializer);
        inUnitOfWork(() -> writerA.appendEvents(List.of(event("X", 0), event("X", 1))));
        inUnitOfWork(() -> writerB.appendEvents(List.of(event("X", 2), event("X", 3))));

        inUnitOfWork(() -> writerA.appendEvents(List.of(event("X", 4))));

        assertTrue(verify().intact(), () -> verify().toText());
        assertEquals(Optional.of(4L), writerA.cachedHead("X").map(Head::sequence));
    }

    @Test
    void anEventWhosePredecessorWasStoredWithoutTheChainIsRefused() {
        store.appendEvents(List.of(event("X", 0)));
        ChainedEventStorageEngine engine = ChainedEventStorageEngine.wrap(store, serializer);

        IntegrityException refused = assertThrows(IntegrityException.class, () -> engine.appendEvents(List.of(event("X", 1))));
        assertTrue(refused.getMessage().contains("without the hash chain"), refused.getMessage());
        assertThrows(IntegrityException.class, () -> engine.appendEvents(List.of(event("Z", 5))));
    }

    @Test
    void chainKeysAnEventAlreadyCarriesAreReplaced() {
        ChainedEventStorageEngine engine = ChainedEventStorageEngine.wrap(store, serializer);
        engine.appendEvents(List.of(event("X", 0).andMetaData(Map.of(EventHasher.CHAIN_HASH, "forged", EventHasher.CHAIN_PREV, "forged"))));

        assertTrue(verify().intact());
    }

    private VerificationReport verify() {
        List<StoredEvent> events = new ArrayList<>();
        store.inner.readEvents(null, false).forEach(e -> events.add(StoredEvent.from((DomainEventMessage<?>) e, serializer)));
        return LedgerVerifier.verifyUnordered(events, VerificationRequest.all(), "memory");
    }

    private static void inUnitOfWork(Runnable task) {
        DefaultUnitOfWork.startAndGet(null).execute(task);
    }

    private static GenericDomainEventMessage<Object> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Engagement", aggregate, sequence, activated(), as(CONSULTANT));
    }

    /** An in-memory store that counts reads of single aggregates and can fail an append, as a lost race does. */
    private static final class ProbeEngine implements EventStorageEngine {
        final InMemoryEventStorageEngine inner = new InMemoryEventStorageEngine();
        final AtomicInteger storeReads = new AtomicInteger();
        volatile boolean failNextAppend;

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            if (failNextAppend) {
                failNextAppend = false;
                throw new IllegalStateException("duplicate key (simulated)");
            }
            inner.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            inner.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return inner.readEvents(trackingToken, mayBlock);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            storeReads.incrementAndGet();
            return inner.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return inner.readSnapshot(aggregateIdentifier);
        }
    }
}
