package org.engagementledger.privacy;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.DataSubjectErased;
import org.engagementledger.api.engagement.ErasureGround;
import org.engagementledger.api.engagement.FeedbackReceived;
import org.engagementledger.api.engagement.FeedbackSource;
import org.engagementledger.api.engagement.RecordFeedback;
import org.engagementledger.api.engagement.RespondToFeedback;
import org.engagementledger.api.privacy.DataSubjectErasure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-memory ledger honours erasure too: Axon's in-memory engine keeps event objects, so the ledger keeps them
 * encrypted and decrypts on every read ({@link DecryptOnReadStorageEngine}); nothing read after an erasure shows
 * the object first appended.
 */
class InMemoryErasureTest {

    private static final DataSubjectId KIM = DataSubjectId.of("subject-kim");
    private static final String OBSERVATION = "Kim Example's case was closed without a meeting";

    @Test
    void aReadAfterTheErasureShowsTheReplacementNotTheObjectFirstAppended() {
        try (EngagementLedger ledger = EngagementLedger.inMemory()) {
            ledger.send(commission(), BUYER_OFFICIAL);
            ledger.send(new ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);
            ledger.send(new RecordFeedback(ENGAGEMENT, FeedbackId.of("FB-1"), FeedbackSource.RIGHTS_HOLDER, OBSERVATION, null, KIM,
                    "Kim Example", "kim@example.org"), AGENCY_STAFF);
            assertEquals(OBSERVATION, ((FeedbackReceived) ledger.history(ENGAGEMENT).get(2).event()).observation());

            DataSubjectErasure erasure = ledger.eraseDataSubject(KIM, ErasureGround.NO_LONGER_NECESSARY, BUYER_OFFICIAL);

            assertEquals(new DataSubjectErasure(KIM, List.of(ENGAGEMENT), 1), erasure);
            FeedbackReceived read = (FeedbackReceived) ledger.history(ENGAGEMENT).get(2).event();
            assertEquals(List.of(PersonalData.REPLACEMENT, PersonalData.REPLACEMENT, PersonalData.REPLACEMENT),
                    List.of(read.observation(), read.givenByName(), read.givenByContact()));
            assertInstanceOf(DataSubjectErased.class, ledger.history(ENGAGEMENT).get(3).event());
            String timeline = String.join("\n", ledger.timeline(ENGAGEMENT).entries().stream().map(e -> e.toText()).toList());
            assertFalse(timeline.contains(OBSERVATION), timeline);
            assertTrue(timeline.contains(PersonalData.REPLACEMENT), timeline);

            // the engagement goes on: its feedback can still be answered
            ledger.send(new RespondToFeedback(ENGAGEMENT, FeedbackId.of("FB-1"), "Case reopened", null), AGENCY_STAFF);
            assertEquals(5, ledger.history(ENGAGEMENT).size());
        }
    }
}
