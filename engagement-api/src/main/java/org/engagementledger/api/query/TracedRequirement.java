package org.engagementledger.api.query;

import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.engagement.StatedBy;

import java.util.List;

/**
 * One requirement with everything that happened to it, oldest first.
 *
 * @param revisions  version 1 (as added) and every revision after it
 * @param fulfilment every submission, acceptance, rejection and the withdrawal, if any
 */
public record TracedRequirement(
        RequirementId requirementId,
        StatedBy statedBy,
        RequirementStatus status,
        int currentVersion,
        List<RequirementRevision> revisions,
        List<FulfilmentStep> fulfilment) {

    public TracedRequirement {
        revisions = List.copyOf(revisions);
        fulfilment = List.copyOf(fulfilment);
    }
}
