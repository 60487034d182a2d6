package org.engagementledger.privacy;

import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link PersonalDataKeys} guarantees; run in memory, on H2 and on PostgreSQL by the subclasses. */
abstract class PersonalDataKeysContract {

    static final DataSubjectId ROBIN = DataSubjectId.of("subject-robin");
    static final DataSubjectId SAM = DataSubjectId.of("subject-sam");
    static final EngagementId A = EngagementId.of("ENG-2026-001");
    static final EngagementId B = EngagementId.of("ENG-2026-002");

    protected abstract PersonalDataKeys keys();

    @Test
    void aSubjectHasOneKeyUntilItIsDestroyed() {
        SubjectKey first = keys().keyForWriting(ROBIN, A);
        SubjectKey again = keys().keyForWriting(ROBIN, B);

        assertEquals(first.keyId(), again.keyId());
        assertArrayEquals(first.key().getEncoded(), keys().keyForReading(first.keyId()).orElseThrow().getEncoded());
        assertEquals(32, first.key().getEncoded().length);
    }

    @Test
    void everySubjectHasAKeyOfItsOwn() {
        SubjectKey robin = keys().keyForWriting(ROBIN, A);
        SubjectKey sam = keys().keyForWriting(SAM, A);

        assertNotEquals(robin.keyId(), sam.keyId());
        assertTrue(!java.util.Arrays.equals(robin.key().getEncoded(), sam.key().getEncoded()));
    }

    @Test
    void aDestroyedKeyIsNeverReadAgainAndTheSubjectGetsANewOne() {
        SubjectKey old = keys().keyForWriting(ROBIN, A);
        keys().keyForWriting(SAM, A);

        List<UUID> destroyed = keys().destroy(ROBIN);
        keys().erasureCommitted(ROBIN, destroyed);

        assertEquals(List.of(old.keyId()), destroyed);
        assertEquals(Optional.empty(), keys().keyForReading(old.keyId()));
        SubjectKey fresh = keys().keyForWriting(ROBIN, A);
        assertNotEquals(old.keyId(), fresh.keyId());
        assertTrue(keys().keyForReading(fresh.keyId()).isPresent());
        assertTrue(keys().keyForReading(keys().keyForWriting(SAM, null).keyId()).isPresent(), "another subject's key stays");
    }

    @Test
    void destroyingASubjectWithoutKeysDestroysNothing() {
        assertEquals(List.of(), keys().destroy(DataSubjectId.of("subject-nobody")));
    }

    @Test
    void anUnknownKeyIdReadsAsNoKey() {
        assertEquals(Optional.empty(), keys().keyForReading(UUID.randomUUID()));
    }

    @Test
    void theEngagementsASubjectsKeyWasUsedInAreRememberedInIdOrderAndOutliveTheKey() {
        keys().keyForWriting(ROBIN, B);
        keys().keyForWriting(ROBIN, A);
        keys().keyForWriting(ROBIN, A);
        keys().keyForWriting(ROBIN, null);
        keys().keyForWriting(SAM, B);

        assertEquals(List.of(A, B), keys().engagementsOf(ROBIN));
        assertEquals(List.of(B), keys().engagementsOf(SAM));
        keys().erasureCommitted(ROBIN, keys().destroy(ROBIN));
        assertEquals(List.of(A, B), keys().engagementsOf(ROBIN));
        assertEquals(List.of(), keys().engagementsOf(DataSubjectId.of("subject-nobody")));
    }
}
