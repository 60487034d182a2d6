package org.engagementledger.engagement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.engagement.FeedbackAnswered;
import org.engagementledger.api.engagement.FeedbackReceived;

import java.util.Objects;

/** Feedback received during an engagement, as an aggregate member. It is answered exactly once. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Feedback {

    @EntityId
    private FeedbackId feedbackId;
    private boolean answered;

    Feedback() {
        // for snapshots
    }

    Feedback(FeedbackReceived event) {
        this.feedbackId = event.feedbackId();
    }

    @EventSourcingHandler
    void on(FeedbackAnswered event) {
        answered = true;
    }

    boolean isAnswered() {
        return answered;
    }

    /** Value equality over all state, so that tests can compare a working aggregate with a sourced one. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Feedback that && Objects.equals(feedbackId, that.feedbackId) && Objects.equals(answered, that.answered);
    }

    @Override
    public int hashCode() {
        return Objects.hash(feedbackId, answered);
    }
}
