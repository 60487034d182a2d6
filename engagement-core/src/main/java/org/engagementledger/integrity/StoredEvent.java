package org.engagementledger.integrity;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * One event exactly as it is stored: the columns of Axon's {@code DomainEventEntry} row, with payload
 * and metadata as the stored bytes. This is all the verifier reads: no Axon deserialization, no
 * upcasters.
 *
 * @param globalIndex         the row's global index; not hashed (the database assigns it at insert);
 *                            {@code null} when unknown (in-memory store)
 * @param aggregateIdentifier the engagement id
 * @param sequenceNumber      the event's position in its engagement, from 0
 * @param type                the aggregate type ({@code Engagement}); {@code null} for events not
 *                            published by an aggregate
 * @param eventIdentifier     the event's unique id
 * @param timeStamp           the stored timestamp text, as Axon writes it
 *                            ({@code DateTimeUtils.formatInstant}: UTC, millisecond precision)
 * @param payloadType         the payload's class name
 * @param payloadRevision     the payload's revision, or {@code null}
 * @param payload             the stored payload bytes (JSON in this ledger, hashed as bytes)
 * @param metaData            the stored metadata bytes (a JSON object), or {@code null}
 */
public record StoredEvent(Long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
                          String eventIdentifier, String timeStamp, String payloadType, String payloadRevision,
                          byte[] payload, byte[] metaData) {

    /**
     * The row an engine writes for this message with this serializer: what the in-memory store holds in
     * object form, turned into stored form so that the same verifier can check it.
     */
    public static StoredEvent from(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        byte[] metaData = event.serializeMetaData(serializer, byte[].class).getData();
        return new StoredEvent(null, event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType(),
                event.getIdentifier(), formatInstant(event.getTimestamp()), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData);
    }

    /** A copy with other payload bytes (for tests and tooling). */
    public StoredEvent withPayload(byte[] newPayload) {
        return new StoredEvent(globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp,
                payloadType, payloadRevision, newPayload, metaData);
    }

    /** A copy with other metadata bytes (for tests and tooling). */
    public StoredEvent withMetaData(byte[] newMetaData) {
        return new StoredEvent(globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp,
                payloadType, payloadRevision, payload, newMetaData);
    }
}
