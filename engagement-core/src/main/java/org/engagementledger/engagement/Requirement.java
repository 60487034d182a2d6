package org.engagementledger.engagement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.FulfilmentAccepted;
import org.engagementledger.api.engagement.FulfilmentRejected;
import org.engagementledger.api.engagement.FulfilmentSubmitted;
import org.engagementledger.api.engagement.RequirementAdded;
import org.engagementledger.api.engagement.RequirementRevised;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.engagement.RequirementWithdrawn;
import org.engagementledger.api.engagement.StatedBy;

import java.util.List;
import java.util.Objects;

/**
 * A requirement of an engagement, as an aggregate member. Its version starts at 1 and increments
 * with every revision; only an open or rejected requirement can be revised or fulfilled, and a
 * fulfilment is decided against the criteria of the version that was submitted.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Requirement {

    @EntityId
    private RequirementId requirementId;
    private String outcome;
    private List<String> acceptanceCriteria;
    private StatedBy statedBy;
    private int version;
    private RequirementStatus status;

    Requirement() {
        // for snapshots
    }

    Requirement(RequirementAdded event) {
        this.requirementId = event.requirementId();
        this.outcome = event.outcome();
        this.acceptanceCriteria = List.copyOf(event.acceptanceCriteria());
        this.statedBy = event.statedBy();
        this.version = 1;
        this.status = RequirementStatus.OPEN;
    }

    @EventSourcingHandler
    void on(RequirementRevised event) {
        outcome = event.outcome();
        acceptanceCriteria = List.copyOf(event.acceptanceCriteria());
        version = event.version();
        status = RequirementStatus.OPEN;
    }

    @EventSourcingHandler
    void on(RequirementWithdrawn event) {
        status = RequirementStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(FulfilmentSubmitted event) {
        status = RequirementStatus.FULFILMENT_SUBMITTED;
    }

    @EventSourcingHandler
    void on(FulfilmentAccepted event) {
        status = RequirementStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(FulfilmentRejected event) {
        status = RequirementStatus.REJECTED;
    }

    RequirementId id() {
        return requirementId;
    }

    List<String> acceptanceCriteria() {
        return acceptanceCriteria;
    }

    StatedBy statedBy() {
        return statedBy;
    }

    int version() {
        return version;
    }

    RequirementStatus status() {
        return status;
    }

    /** Open or rejected: the supplier may (re)submit and the agency may revise. */
    boolean isAwaitingFulfilment() {
        return status == RequirementStatus.OPEN || status == RequirementStatus.REJECTED;
    }

    /** Value equality over all state, so that tests can compare a working aggregate with a sourced one. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Requirement that && Objects.equals(requirementId, that.requirementId) && Objects.equals(outcome, that.outcome) && Objects.equals(acceptanceCriteria, that.acceptanceCriteria) && Objects.equals(statedBy, that.statedBy) && Objects.equals(version, that.version) && Objects.equals(status, that.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requirementId, outcome, acceptanceCriteria, statedBy, version, status);
    }
}
