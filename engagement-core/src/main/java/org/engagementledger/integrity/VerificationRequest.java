package org.engagementledger.integrity;

import java.security.PublicKey;
import java.util.List;
import java.util.Objects;

/**
 * What to verify: the whole store or one engagement, optionally against digests (checked with a public
 * key the auditor trusts), with a progress callback.
 *
 * <pre>{@code
 * VerificationRequest.all()
 *         .forEngagement("ENG-2026-001")
 *         .againstDigest(Digest.read(digestFile), KeyFiles.readPublicKey(publicKeyFile))
 *         .withProgress((done, total, engagements) -> System.err.print("\r" + done + "/" + total));
 * }</pre>
 *
 * @param engagementId only this engagement, or {@code null} for all
 * @param digests      digests to compare the heads with, oldest first (their links are checked too)
 * @param publicKey    the key the digests must be signed with; required when there are digests
 * @param progress     progress callback
 * @param fetchSize    rows fetched per round trip when reading a database
 * @param maxFindings  findings kept in the report; further ones are only counted
 */
public record VerificationRequest(String engagementId, List<Digest> digests, PublicKey publicKey,
                                  VerificationProgress progress, int fetchSize, int maxFindings) {

    public static final int DEFAULT_FETCH_SIZE = 500;
    public static final int DEFAULT_MAX_FINDINGS = 10_000;

    public VerificationRequest {
        digests = List.copyOf(digests);
        Objects.requireNonNull(progress, "progress");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be positive");
        }
        if (maxFindings < 1) {
            throw new IllegalArgumentException("maxFindings must be positive");
        }
    }

    /** Every engagement, no digest, no progress. */
    public static VerificationRequest all() {
        return new VerificationRequest(null, List.of(), null, VerificationProgress.NONE, DEFAULT_FETCH_SIZE, DEFAULT_MAX_FINDINGS);
    }

    public VerificationRequest forEngagement(String id) {
        return new VerificationRequest(id, digests, publicKey, progress, fetchSize, maxFindings);
    }

    /** Compare with one digest, whose signature must verify with {@code key}. */
    public VerificationRequest againstDigest(Digest digest, PublicKey key) {
        return againstDigests(List.of(digest), key);
    }

    /** Compare with several digests, oldest first; each must link to the one before it. */
    public VerificationRequest againstDigests(List<Digest> newDigests, PublicKey key) {
        Objects.requireNonNull(key, "a digest is only evidence when checked with a trusted public key");
        return new VerificationRequest(engagementId, newDigests, key, progress, fetchSize, maxFindings);
    }

    public VerificationRequest withProgress(VerificationProgress newProgress) {
        return new VerificationRequest(engagementId, digests, publicKey, newProgress, fetchSize, maxFindings);
    }

    public VerificationRequest withFetchSize(int newFetchSize) {
        return new VerificationRequest(engagementId, digests, publicKey, progress, newFetchSize, maxFindings);
    }

    public VerificationRequest withMaxFindings(int newMaxFindings) {
        return new VerificationRequest(engagementId, digests, publicKey, progress, fetchSize, newMaxFindings);
    }
}
