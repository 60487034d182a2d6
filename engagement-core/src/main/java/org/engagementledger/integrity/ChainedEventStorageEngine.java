package org.engagementledger.integrity;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.engagementledger.storage.ForwardingEventStorageEngine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * An {@link EventStorageEngine} decorator that links every appended event into its engagement's hash
 * chain (see {@link EventHasher} for the format): before handing the events to the wrapped engine (JDBC,
 * in-memory or any other) it adds {@value EventHasher#CHAIN_VERSION}, {@value EventHasher#CHAIN_PREV}
 * and {@value EventHasher#CHAIN_HASH} to each event's metadata. Reads, snapshots and tokens pass through
 * unchanged; snapshots are derived data and are not chained.
 *
 * <p><b>What is hashed is what is stored.</b> Payload and metadata are serialized once, with the
 * serializer the engine uses (give the engine's event serializer to {@link #wrap}), and the message
 * handed on returns exactly those bytes (the metadata with the chain members appended) when the engine
 * serializes it with that serializer. The timestamp is hashed as
 * {@code DateTimeUtils.formatInstant} text, which is what {@code JdbcEventStorageEngine} writes into
 * {@code timeStamp}. Events that are not {@link DomainEventMessage}s are stored by Axon as one-event
 * aggregates (aggregate id = event id, sequence 0, no type); they are chained in that same form.
 *
 * <p><b>Finding the previous hash</b> of the event at sequence n (n &gt; 0), in this order: an event
 * n-1 earlier in the same batch; an event n-1 appended earlier in the same, still uncommitted unit of
 * work; the head cache, an entry of which is used only when its sequence is exactly n-1; else the
 * stored event n-1, read through the wrapped engine (inside the current transaction). A predecessor
 * without a chain hash stops the append with an {@link IntegrityException}.
 *
 * <p><b>Concurrent writers.</b> The store's unique key on (aggregateIdentifier, sequenceNumber) makes
 * the loser of two racing appends at n fail, so a successful append at n always sits on the one
 * committed event n-1, and a committed (n-1, hash) never changes. The head cache therefore only ever
 * holds committed heads: entries are written in the root unit of work's after-commit phase, never
 * during the append, so a failed or rolled-back append leaves no trace in it. Outside a unit of work
 * nothing is cached (the caller's transaction might still roll back) and the predecessor is read from
 * the store. Several writers (threads or nodes, each with its own cache) are thus safe: a cached head
 * of another writer's older position is ignored because its sequence is not n-1, and a stale one at
 * n-1 cannot be wrong because event n-1 can only ever be stored once.
 */
public final class ChainedEventStorageEngine extends ForwardingEventStorageEngine {

    /** How many engagements' heads {@link #wrap(EventStorageEngine, Serializer)} keeps cached. */
    public static final int DEFAULT_HEAD_CACHE_SIZE = 10_000;

    private final Serializer serializer;
    private final Map<String, Head> heads;
    private final String pendingHeadsResource = ChainedEventStorageEngine.class.getName() + ".pending." + UUID.randomUUID();

    private ChainedEventStorageEngine(EventStorageEngine delegate, Serializer serializer, int headCacheSize) {
        super(delegate);
        this.serializer = Objects.requireNonNull(serializer, "eventSerializer");
        if (headCacheSize < 0) {
            throw new IllegalArgumentException("headCacheSize must be zero (no cache) or more, was " + headCacheSize);
        }
        this.heads = headCacheSize == 0 ? null : new HeadCache(headCacheSize);
    }

    /**
     * Wraps an engine so that everything appended through it is chained.
     *
     * @param delegate        the engine that stores the events (e.g. {@code JdbcEventStorageEngine})
     * @param eventSerializer the event serializer that engine was built with (the same instance), so
     *                        that the hashed payload bytes are the stored ones
     */
    public static ChainedEventStorageEngine wrap(EventStorageEngine delegate, Serializer eventSerializer) {
        return new ChainedEventStorageEngine(delegate, eventSerializer, DEFAULT_HEAD_CACHE_SIZE);
    }

    /** As {@link #wrap(EventStorageEngine, Serializer)}, caching at most {@code headCacheSize} heads (0: none). */
    public static ChainedEventStorageEngine wrap(EventStorageEngine delegate, Serializer eventSerializer, int headCacheSize) {
        return new ChainedEventStorageEngine(delegate, eventSerializer, headCacheSize);
    }

    /** The cached committed head of an engagement, if any (for monitoring and tests). */
    public Optional<Head> cachedHead(String aggregateIdentifier) {
        return heads == null ? Optional.empty() : Optional.ofNullable(heads.get(aggregateIdentifier));
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            delegate().appendEvents(events);
            return;
        }
        Map<String, Head> pending = pendingHeads();
        Map<String, Head> batch = new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domainEvent = asDomainEventMessage(event);
            String previous = previousHash(domainEvent, batch, pending);
            ChainedDomainEventMessage<?> link = link(domainEvent, previous);
            batch.put(link.getAggregateIdentifier(), new Head(link.getAggregateIdentifier(), link.getSequenceNumber(), link.hash));
            chained.add(link);
        }
        delegate().appendEvents(chained);
        if (pending != null) {
            pending.putAll(batch);
        }
    }

    private ChainedDomainEventMessage<?> link(DomainEventMessage<?> event, String previous) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        MetaData unchained = event.getMetaData().withoutKeys(EventHasher.CHAIN_KEYS);
        Map<String, String> strings = onlyStrings(unchained);
        // string-only metadata (the ledger's own) is stored in the canonical form it is hashed in, so verifiers
        // can digest it as it lies; other metadata is serialized as usual and canonicalized for hashing
        byte[] metaData = strings == null ? serializer.serialize(unchained, byte[].class).getData()
                : CanonicalJson.flatObject(strings).getBytes(StandardCharsets.UTF_8);
        StoredEvent stored = new StoredEvent(null, event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType(),
                event.getIdentifier(), formatInstant(event.getTimestamp()), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData);
        String hash = strings == null ? EventHasher.hashUnchained(stored, previous)
                : EventHasher.hash(stored, Hashing.sha256Hex(metaData), previous);
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put(EventHasher.CHAIN_VERSION, EventHasher.FORMAT_VERSION);
        chain.put(EventHasher.CHAIN_PREV, previous);
        chain.put(EventHasher.CHAIN_HASH, hash);
        return new ChainedDomainEventMessage<>(event, unchained.mergedWith(chain), payload,
                withChainKeys(metaData, previous, hash), serializer, hash);
    }

    /** The metadata as a map of strings, or {@code null} when a value is not a string (then its stored JSON is canonicalized). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> onlyStrings(MetaData metaData) {
        for (Object value : metaData.values()) {
            if (!(value instanceof String)) {
                return null;
            }
        }
        return (Map<String, String>) (Map<String, ?>) metaData;
    }

    /**
     * The stored metadata: the hashed, unchained metadata object with the three chain members appended,
     * so that it is not serialized a second time; {@code null} (serialize as usual) when the bytes are
     * not a plain JSON object. Verifiers parse it and drop the chain keys, which gives back the hashed
     * object.
     */
    private static byte[] withChainKeys(byte[] unchained, String previous, String hash) {
        int last = unchained.length - 1;
        if (unchained.length < 2 || unchained[0] != '{' || unchained[last] != '}') {
            return null;
        }
        boolean empty = unchained.length == 2;
        byte[] chain = ((empty ? "" : ",") + '"' + EventHasher.CHAIN_VERSION + "\":\"" + EventHasher.FORMAT_VERSION + "\",\""
                + EventHasher.CHAIN_PREV + "\":\"" + previous + "\",\"" + EventHasher.CHAIN_HASH + "\":\"" + hash + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] stored = Arrays.copyOf(unchained, last + chain.length);
        System.arraycopy(chain, 0, stored, last, chain.length);
        return stored;
    }

    private String previousHash(DomainEventMessage<?> event, Map<String, Head> batch, Map<String, Head> pending) {
        long sequence = event.getSequenceNumber();
        if (sequence == 0) {
            return Hashing.ZERO_HASH;
        }
        String aggregate = event.getAggregateIdentifier();
        Head head = batch.get(aggregate);
        if (head == null || head.sequence() != sequence - 1) {
            head = pending == null ? null : pending.get(aggregate);
        }
        if ((head == null || head.sequence() != sequence - 1) && heads != null) {
            head = heads.get(aggregate);
        }
        if (head != null && head.sequence() == sequence - 1) {
            return head.hash();
        }
        return storedHash(aggregate, sequence - 1);
    }

    private String storedHash(String aggregate, long sequence) {
        DomainEventStream stream = delegate().readEvents(aggregate, sequence);
        while (stream.hasNext()) {
            DomainEventMessage<?> stored = stream.next();
            if (stored.getSequenceNumber() == sequence) {
                Object hash = stored.getMetaData().get(EventHasher.CHAIN_HASH);
                if (hash instanceof String text && Hashing.isSha256Hex(text)) {
                    return text;
                }
                throw new IntegrityException("cannot chain event " + (sequence + 1) + " of " + aggregate + ": event "
                        + sequence + " carries no valid " + EventHasher.CHAIN_HASH
                        + " (it was stored without the hash chain)");
            }
            if (stored.getSequenceNumber() > sequence) {
                break;
            }
        }
        throw new IntegrityException("cannot chain event " + (sequence + 1) + " of " + aggregate + ": event " + sequence
                + " is not in the store");
    }

    /**
     * Heads appended in the current unit of work, published to the head cache after it commits; {@code null}
     * outside a unit of work that can still commit.
     */
    private Map<String, Head> pendingHeads() {
        if (heads == null || !CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!root.isActive() || !root.phase().isBefore(UnitOfWork.Phase.COMMIT)) {
            return null;
        }
        return root.getOrComputeResource(pendingHeadsResource, key -> {
            Map<String, Head> pending = new HashMap<>();
            root.afterCommit(u -> pending.values().forEach(this::remember));
            return pending;
        });
    }

    private void remember(Head head) {
        heads.merge(head.engagementId(), head, (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old);
    }

    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        // what JdbcEventStorageEngine stores for an event that no aggregate published
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event.getTimestamp());
    }

    /** The event as handed to the engine: chain metadata added, payload bytes fixed to the hashed ones. */
    private static final class ChainedDomainEventMessage<T> extends GenericDomainEventMessage<T> {

        private static final long serialVersionUID = 1L;

        private final transient SerializedObject<byte[]> payload;
        private final transient byte[] storedMetaData;
        private final transient Serializer serializer;
        private final String hash;

        ChainedDomainEventMessage(DomainEventMessage<T> event, MetaData metaData, SerializedObject<byte[]> payload,
                                  byte[] storedMetaData, Serializer serializer, String hash) {
            super(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                    new GenericMessage<>(event.getIdentifier(), event.getPayloadType(), event.getPayload(), metaData),
                    event.getTimestamp());
            this.payload = payload;
            this.storedMetaData = storedMetaData;
            this.serializer = serializer;
            this.hash = hash;
        }

        @Override
        public <S> SerializedObject<S> serializePayload(Serializer requested, Class<S> expectedRepresentation) {
            if (requested == serializer && payload != null) {
                return requested.getConverter().convert(payload, expectedRepresentation);
            }
            return super.serializePayload(requested, expectedRepresentation);
        }

        @Override
        public <S> SerializedObject<S> serializeMetaData(Serializer requested, Class<S> expectedRepresentation) {
            if (requested == serializer && storedMetaData != null) {
                return requested.getConverter().convert(
                        new SimpleSerializedObject<>(storedMetaData, byte[].class, requested.typeForClass(MetaData.class)),
                        expectedRepresentation);
            }
            return super.serializeMetaData(requested, expectedRepresentation);
        }
    }

    /** A size-bounded, least-recently-used map of committed heads. */
    private static final class HeadCache extends LinkedHashMap<String, Head> {
        private static final long serialVersionUID = 1L;
        private final int maximumSize;

        HeadCache(int maximumSize) {
            super(16, 0.75f, true);
            this.maximumSize = maximumSize;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
            return size() > maximumSize;
        }

        @Override
        public synchronized Head get(Object key) {
            return super.get(key);
        }

        @Override
        public synchronized Head merge(String key, Head value,
                                       java.util.function.BiFunction<? super Head, ? super Head, ? extends Head> remapping) {
            return super.merge(key, value, remapping);
        }
    }
}
