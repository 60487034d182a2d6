package org.engagementledger.api.query;

import org.engagementledger.api.EngagementId;

import java.util.List;

/** Every requirement of an engagement, in the order they were added, with their full history. */
public record RequirementTrace(EngagementId engagementId, List<TracedRequirement> requirements) {

    public RequirementTrace {
        requirements = List.copyOf(requirements);
    }
}
