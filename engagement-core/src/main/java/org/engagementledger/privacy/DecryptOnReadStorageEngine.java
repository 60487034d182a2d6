package org.engagementledger.privacy;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.engagementledger.storage.ForwardingEventStorageEngine;
import org.axonframework.messaging.AbstractMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.List;
import java.util.Objects;

/**
 * For stores that keep event objects rather than bytes (Axon's in-memory engine): keeps each event's
 * payload in its serialized, encrypted form and deserializes it on every read, so that an in-memory
 * ledger honours erasure like a database one (a read after the key is destroyed shows the replacement
 * value, never the object first appended). Database engines need no such thing: they store bytes.
 */
public final class DecryptOnReadStorageEngine extends ForwardingEventStorageEngine {

    private final Serializer serializer;

    /**
     * @param serializer the event serializer of the ledger (the same instance as the hash chain's), whose
     *                   already serialized payload bytes are reused rather than encrypted a second time
     */
    public DecryptOnReadStorageEngine(EventStorageEngine delegate, Serializer serializer) {
        super(delegate);
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate().appendEvents(events.stream().map(this::storedForm).toList());
    }

    private EventMessage<?> storedForm(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return event;
        }
        return storedForm(domainEvent);
    }

    private <T> DomainEventMessage<T> storedForm(DomainEventMessage<T> event) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        Message<T> message = new ReadOnDemand<>(event.getIdentifier(), event.getPayloadType(), payload, event.getMetaData(), serializer);
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(), message,
                event.getTimestamp());
    }

    /** A message whose payload is deserialized (and so decrypted) afresh on every access, never kept. */
    private static final class ReadOnDemand<T> extends AbstractMessage<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> payloadType;
        private final transient SerializedObject<byte[]> payload;
        private final MetaData metaData;
        private final transient Serializer serializer;

        ReadOnDemand(String identifier, Class<T> payloadType, SerializedObject<byte[]> payload, MetaData metaData, Serializer serializer) {
            super(identifier);
            this.payloadType = payloadType;
            this.payload = payload;
            this.metaData = metaData;
            this.serializer = serializer;
        }

        @Override
        public MetaData getMetaData() {
            return metaData;
        }

        @Override
        public T getPayload() {
            return serializer.deserialize(payload);
        }

        @Override
        public Class<T> getPayloadType() {
            return payloadType;
        }

        @Override
        public <R> SerializedObject<R> serializePayload(Serializer requested, Class<R> expectedRepresentation) {
            if (requested == serializer) {
                return requested.getConverter().convert(payload, expectedRepresentation);
            }
            return super.serializePayload(requested, expectedRepresentation);
        }

        @Override
        protected Message<T> withMetaData(MetaData newMetaData) {
            return new ReadOnDemand<>(getIdentifier(), payloadType, payload, newMetaData, serializer);
        }
    }
}
