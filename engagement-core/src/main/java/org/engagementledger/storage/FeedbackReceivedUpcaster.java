package org.engagementledger.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.engagementledger.api.engagement.FeedbackReceived;

/**
 * {@link FeedbackReceived} revision 1 to 2: revision 2 names the data subject the feedback belongs to
 * ({@code givenBy}, with the optional {@code givenByName} and {@code givenByContact}) and stores the
 * observation encrypted with that subject's key. Revision-1 events named no subject, so they get
 * {@code null} for all three; their observation was stored in plain text and stays as stored (it is
 * read as it is, and no erasure can reach it: see {@code docs/personal-data.md}). The stored rows are
 * never rewritten, which keeps the hash of the stored bytes valid.
 */
public final class FeedbackReceivedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(FeedbackReceived.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(FeedbackReceived.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode feedback = (ObjectNode) payload;
            feedback.putNull("givenBy");
            feedback.putNull("givenByName");
            feedback.putNull("givenByContact");
            return feedback;
        });
    }
}
