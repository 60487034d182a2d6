package org.engagementledger.integrity;

/**
 * What the verifier found wrong. How each kind of tampering shows up is described on
 * {@link LedgerVerifier}.
 */
public enum FindingKind {
    /** The event's stored columns do not hash to the chain hash it carries (or it carries none). */
    HASH_MISMATCH,
    /** The event's previous hash is not its predecessor's hash (or two events claim one position; or a digest link is broken). */
    LINK_BROKEN,
    /** Sequence numbers are missing before this point of an engagement. */
    SEQ_GAP,
    /** The engagement ends before the newest event a digest vouches for. */
    TRUNCATED,
    /** The event at a position a digest vouches for has another hash than the digest records, or is missing. */
    HEAD_MISMATCH,
    /** A digest vouches for an engagement that the store (or bundle) does not hold at all. */
    ENGAGEMENT_MISSING,
    /** A digest's signature does not verify with the given public key, names another key, or its heads do not give its root. */
    DIGEST_SIGNATURE_INVALID
}
