package org.engagementledger.engagement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.engagementledger.api.MilestoneId;
import org.engagementledger.api.engagement.MilestoneOutcomeRecorded;
import org.engagementledger.api.engagement.MilestoneScheduled;
import org.engagementledger.api.engagement.MilestoneStatus;

import java.util.Objects;

/** A milestone or deliverable, as an aggregate member. Once met, its outcome is final. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Milestone {

    @EntityId
    private MilestoneId milestoneId;
    private MilestoneStatus status;

    Milestone() {
        // for snapshots
    }

    Milestone(MilestoneScheduled event) {
        this.milestoneId = event.milestoneId();
        this.status = MilestoneStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(MilestoneOutcomeRecorded event) {
        status = event.status();
    }

    MilestoneStatus status() {
        return status;
    }

    /** Value equality over all state, so that tests can compare a working aggregate with a sourced one. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Milestone that && Objects.equals(milestoneId, that.milestoneId) && Objects.equals(status, that.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(milestoneId, status);
    }
}
