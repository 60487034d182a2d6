package org.engagementledger.api.query;

import org.engagementledger.api.Actor;

import java.time.Instant;
import java.util.List;

/**
 * One version of a requirement as it was stated.
 *
 * @param reason why it was revised; {@code null} for version 1
 * @param actor  who stated or revised it
 * @param at     when it was recorded
 */
public record RequirementRevision(
        int version,
        String outcome,
        List<String> acceptanceCriteria,
        String verificationMethod,
        String reason,
        boolean lacksAcceptanceCriteria,
        Actor actor,
        Instant at) {

    public RequirementRevision {
        acceptanceCriteria = List.copyOf(acceptanceCriteria);
    }
}
