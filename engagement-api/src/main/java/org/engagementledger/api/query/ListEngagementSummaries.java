package org.engagementledger.api.query;

/** Asks for the {@link EngagementSummary} of every engagement, ordered by engagement id. */
public record ListEngagementSummaries() {
}
