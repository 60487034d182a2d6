package org.engagementledger.privacy;

import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;

import javax.crypto.SecretKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the per-data-subject keys live, apart from the events: {@link JdbcPersonalDataKeys} (a table of
 * the ledger's database, PostgreSQL or H2) or {@link InMemoryPersonalDataKeys} (tests, in-memory ledgers).
 *
 * <p>Invariants: a subject has at most one key at a time; key ids are random and never reused; a
 * destroyed key is never returned again (a subject recorded again after its erasure gets a new key).
 * The store also remembers in which engagements each subject's key was used, so that an erasure finds
 * them: a superset, since a use is remembered even when the write that used it rolls back.
 */
public interface PersonalDataKeys {

    /**
     * The subject's key for encrypting, created when it has none, remembering that it is used in
     * {@code engagement} ({@code null}: outside any engagement, nothing remembered).
     */
    SubjectKey keyForWriting(DataSubjectId subject, EngagementId engagement);

    /** The key with this id, or empty when it was destroyed or never existed. */
    Optional<SecretKey> keyForReading(UUID keyId);

    /** The engagements in which the subject's keys were used, in id order. */
    List<EngagementId> engagementsOf(DataSubjectId subject);

    /**
     * Destroys every key of the subject, inside the caller's transaction when there is one (so that an
     * erasure that fails leaves the keys in place). Returns the ids of the destroyed keys; none for a subject
     * without keys. Where the keys were used is kept: it holds nothing the events do not hold.
     */
    List<UUID> destroy(DataSubjectId subject);

    /**
     * Tells the store that an erasure has committed, so that it stops serving those keys from any cache
     * at once. Called after the transaction of {@link #destroy} commits.
     */
    default void erasureCommitted(DataSubjectId subject, List<UUID> destroyedKeys) {
    }
}
