package org.engagementledger.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.engagementledger.api.engagement.DecisionRecorded;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@link DecisionRecorded} revision 1 to 2: revision 2 records {@code decidedOn}, the day a decision
 * was taken. Revision-1 events did not know it, so they get the day they were recorded (UTC), the
 * latest day the decision can have been taken. The stored rows are never rewritten: upcasting
 * happens on every read, which keeps the hash of the stored bytes valid.
 */
public final class DecisionRecordedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(DecisionRecorded.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(DecisionRecorded.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String recordedOn = LocalDate.ofInstant(representation.getTimestamp(), ZoneOffset.UTC).toString();
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).put("decidedOn", recordedOn);
            return payload;
        });
    }
}
