package org.engagementledger.api.engagement;

import org.engagementledger.api.EngagementId;

/**
 * Every fact recorded about one engagement. Events are immutable and versioned with
 * {@code @Revision}; their JSON form is pinned by approval tests (see {@code docs/events.md}). The actor
 * who caused an event and its time are in the event message's metadata and timestamp.
 */
public sealed interface EngagementEvent permits
        EngagementCommissioned,
        EngagementActivated,
        RequirementAdded,
        RequirementRevised,
        RequirementWithdrawn,
        FulfilmentSubmitted,
        FulfilmentAccepted,
        FulfilmentRejected,
        CapabilityTargetDefined,
        TransferActivityRecorded,
        CapabilityAssessed,
        TimeLogged,
        ExpenseRecorded,
        InvoiceRegistered,
        InvoiceAccepted,
        InvoiceDisputed,
        CeilingAmended,
        RightsHolderImpactRecorded,
        FeedbackReceived,
        FeedbackAnswered,
        ConflictOfInterestDeclared,
        DecisionRecorded,
        MilestoneScheduled,
        MilestoneOutcomeRecorded,
        EngagementCompleted,
        EngagementTerminated,
        AuditorNoteAdded,
        DataSubjectErased {

    /** The engagement the event belongs to. */
    EngagementId engagementId();
}
