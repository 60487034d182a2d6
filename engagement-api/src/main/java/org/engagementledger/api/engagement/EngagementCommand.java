package org.engagementledger.api.engagement;

import org.engagementledger.api.EngagementId;

/**
 * Every command addressed to one engagement. A command checks its own shape with Jakarta
 * constraints; the engagement checks state and roles. The acting {@link org.engagementledger.api.Actor}
 * travels in the command's metadata, not in the payload.
 */
public sealed interface EngagementCommand permits
        CommissionEngagement,
        ActivateEngagement,
        AddRequirement,
        ReviseRequirement,
        WithdrawRequirement,
        SubmitFulfilment,
        AcceptFulfilment,
        RejectFulfilment,
        DefineCapabilityTarget,
        RecordTransferActivity,
        AssessCapability,
        LogTime,
        RecordExpense,
        RegisterInvoice,
        AcceptInvoice,
        DisputeInvoice,
        AmendCeiling,
        RecordRightsHolderImpact,
        RecordFeedback,
        RespondToFeedback,
        DeclareConflictOfInterest,
        RecordDecision,
        ScheduleMilestone,
        RecordMilestoneOutcome,
        CompleteEngagement,
        TerminateEngagement,
        AddAuditorNote {

    /** The engagement the command is addressed to (the aggregate identifier). */
    EngagementId engagementId();
}
