package org.engagementledger.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of verifying an engagement's stored history (hash chain and digests), computed elsewhere
 * and handed to the audit to answer question 12. The audit never verifies by itself: without a result,
 * question 12 is answered "not verified".
 *
 * @param outcome           intact, findings, or not verified
 * @param findings          how many findings the verifier reported (0 unless {@code FINDINGS})
 * @param message           the verifier's one-line summary
 * @param affectedSequences the sequence numbers the findings are located at, if any
 * @param verifiedAt        when the verification ran, or {@code null}
 */
public record VerificationStatus(Outcome outcome, int findings, String message, List<Long> affectedSequences, Instant verifiedAt) {

    public enum Outcome {
        /** Recomputed and found unaltered. */
        INTACT,
        /** Recomputed and found altered, incomplete or inconsistent. */
        FINDINGS,
        /** No verification was run (or it could not be). */
        NOT_VERIFIED
    }

    public VerificationStatus {
        Objects.requireNonNull(outcome, "outcome must not be null");
        Objects.requireNonNull(message, "message must not be null");
        affectedSequences = affectedSequences == null ? List.of() : affectedSequences.stream().distinct().sorted().toList();
        if (findings < 0) {
            throw new IllegalArgumentException("findings must not be negative");
        }
        if (outcome == Outcome.FINDINGS && findings == 0) {
            throw new IllegalArgumentException("an outcome of FINDINGS needs at least one finding");
        }
        if (outcome != Outcome.FINDINGS && findings != 0) {
            throw new IllegalArgumentException("only an outcome of FINDINGS has findings");
        }
    }

    public static VerificationStatus intact(String message, Instant verifiedAt) {
        return new VerificationStatus(Outcome.INTACT, 0, message, List.of(), verifiedAt);
    }

    public static VerificationStatus findings(int findings, String message, List<Long> affectedSequences, Instant verifiedAt) {
        return new VerificationStatus(Outcome.FINDINGS, findings, message, affectedSequences, verifiedAt);
    }

    public static VerificationStatus notVerified(String reason) {
        return new VerificationStatus(Outcome.NOT_VERIFIED, 0, reason, List.of(), null);
    }
}
