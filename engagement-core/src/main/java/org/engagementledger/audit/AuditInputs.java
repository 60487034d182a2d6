package org.engagementledger.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an audit needs beyond the engagement's own history. All optional: {@link #none()} audits the
 * history alone, with default thresholds, question 12 "not verified" and repeat engagements unchecked.
 *
 * @param otherEngagements  the buyer's other engagements (their states), for question 7 and the
 *                          repeat-engagement red flag; other buyers' engagements and the audited one are ignored
 * @param verification      the verification result for question 12, or {@code null} when none was run
 * @param thresholds        red-flag thresholds
 * @param requirementsAsOf  the date question 3 ("what were the requirements on a given date") is asked
 *                          for, or {@code null} for the end of the history
 */
public record AuditInputs(List<EngagementState> otherEngagements, VerificationStatus verification, RedFlagThresholds thresholds,
                          Instant requirementsAsOf) {

    public AuditInputs {
        otherEngagements = List.copyOf(otherEngagements);
        Objects.requireNonNull(thresholds, "thresholds must not be null");
    }

    public static AuditInputs none() {
        return new AuditInputs(List.of(), null, RedFlagThresholds.DEFAULTS, null);
    }

    public AuditInputs withOtherEngagements(List<EngagementState> engagements) {
        return new AuditInputs(engagements, verification, thresholds, requirementsAsOf);
    }

    public AuditInputs withVerification(VerificationStatus status) {
        return new AuditInputs(otherEngagements, status, thresholds, requirementsAsOf);
    }

    public AuditInputs withThresholds(RedFlagThresholds value) {
        return new AuditInputs(otherEngagements, verification, value, requirementsAsOf);
    }

    public AuditInputs withRequirementsAsOf(Instant instant) {
        return new AuditInputs(otherEngagements, verification, thresholds, instant);
    }
}
