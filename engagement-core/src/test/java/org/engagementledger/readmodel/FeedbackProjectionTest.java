package org.engagementledger.readmodel;

import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.engagement.DataSubjectErased;
import org.engagementledger.api.engagement.ErasureGround;
import org.engagementledger.api.engagement.FeedbackAnswered;
import org.engagementledger.api.engagement.FeedbackReceived;
import org.engagementledger.api.engagement.FeedbackSource;
import org.engagementledger.api.query.FeedbackEntry;
import org.engagementledger.api.query.FindFeedbackLog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.engagementledger.readmodel.ReadModelSamples.*;
import static org.junit.jupiter.api.Assertions.*;

class FeedbackProjectionTest extends ProjectionTestBase {

    private static final DataSubjectId ROBIN = DataSubjectId.of("subject-robin");
    private static final DataSubjectId SAM = DataSubjectId.of("subject-sam");

    @Test
    void feedbackIsLoggedWithWhoGaveItAndItsAnswer() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        feedback.on(received("FB-1", ROBIN, "Waited four months", "Robin Example", "robin@example.org"), 3, at(3), by(AGENCY_STAFF));
        feedback.on(new FeedbackAnswered(ENGAGEMENT, FeedbackId.of("FB-1"), "Single entry point opened", "REQ-1 revised"), 5, at(5),
                by(BUYER_OFFICIAL));

        assertEquals(List.of(new FeedbackEntry(FeedbackId.of("FB-1"), FeedbackSource.RIGHTS_HOLDER, "Waited four months", REQUIREMENT,
                        ROBIN, "Robin Example", "robin@example.org", AGENCY_STAFF, at(3), "Single entry point opened", "REQ-1 revised",
                        BUYER_OFFICIAL, at(5))),
                feedbackQueries.handle(new FindFeedbackLog(ENGAGEMENT)).feedback());
    }

    @Test
    void anErasureReplacesThePersonalDataOfItsSubjectOnlyInFeedbackReceivedBeforeIt() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        feedback.on(received("FB-1", ROBIN, "Waited four months", "Robin Example", null), 3, at(3), by(AGENCY_STAFF));
        feedback.on(received("FB-2", SAM, "Buses fit now", "Sam Example", "+47 400 00 001"), 4, at(4), by(AGENCY_STAFF));
        feedback.on(new DataSubjectErased(ENGAGEMENT, ROBIN, ErasureGround.CONSENT_WITHDRAWN), 6);
        feedback.on(received("FB-3", ROBIN, "Happy to be contacted again", null, null), 7, at(7), by(AGENCY_STAFF));

        List<FeedbackEntry> log = feedbackQueries.handle(new FindFeedbackLog(ENGAGEMENT)).feedback();

        assertEquals(List.of(PersonalData.REPLACEMENT, PersonalData.REPLACEMENT),
                List.of(log.get(0).observation(), log.get(0).givenByName()));
        assertNull(log.get(0).givenByContact(), "a value never recorded stays absent");
        assertEquals(List.of("Buses fit now", "Sam Example", "+47 400 00 001"),
                List.of(log.get(1).observation(), log.get(1).givenByName(), log.get(1).givenByContact()));
        assertEquals("Happy to be contacted again", log.get(2).observation(), "recorded after the erasure, under a new key");
    }

    @Test
    void anErasureInOneEngagementLeavesTheSameSubjectsFeedbackInAnotherAlone() {
        EngagementId other = EngagementId.of("ENG-2026-002");
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        engagements.on(commissionedFor(other, BUYER, SUPPLIER), 0, at(0));
        feedback.on(received("FB-1", ROBIN, "Waited four months", null, null), 3, at(3), by(AGENCY_STAFF));
        feedback.on(new FeedbackReceived(other, FeedbackId.of("FB-1"), FeedbackSource.RIGHTS_HOLDER, "Letters unclear", null, ROBIN,
                null, null), 2, at(3), by(AGENCY_STAFF));

        feedback.on(new DataSubjectErased(ENGAGEMENT, ROBIN, ErasureGround.CONSENT_WITHDRAWN), 6);

        assertEquals(PersonalData.REPLACEMENT, feedbackQueries.handle(new FindFeedbackLog(ENGAGEMENT)).feedback().get(0).observation());
        assertEquals("Letters unclear", feedbackQueries.handle(new FindFeedbackLog(other)).feedback().get(0).observation(),
                "the other engagement replaces its copy when it processes its own erasure event");
    }

    @Test
    void redeliveredFeedbackAndAnswersChangeNothing() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        FeedbackReceived first = received("FB-1", ROBIN, "Waited four months", null, null);
        feedback.on(first, 3, at(3), by(AGENCY_STAFF));
        feedback.on(new FeedbackAnswered(ENGAGEMENT, FeedbackId.of("FB-1"), "First answer", null), 5, at(5), by(AGENCY_STAFF));
        feedback.on(first, 3, at(3), by(AGENCY_STAFF));
        feedback.on(new FeedbackAnswered(ENGAGEMENT, FeedbackId.of("FB-1"), "First answer", null), 5, at(5), by(AGENCY_STAFF));

        List<FeedbackEntry> log = feedbackQueries.handle(new FindFeedbackLog(ENGAGEMENT)).feedback();
        assertEquals(1, log.size());
        assertEquals("First answer", log.get(0).response());
        assertEquals(at(5), log.get(0).answeredAt());
    }

    @Test
    void anUnknownEngagementHasNoFeedbackLog() {
        assertNull(feedbackQueries.handle(new FindFeedbackLog(EngagementId.of("ENG-404"))));
    }

    private static FeedbackReceived received(String id, DataSubjectId subject, String observation, String name, String contact) {
        return new FeedbackReceived(ENGAGEMENT, FeedbackId.of(id), FeedbackSource.RIGHTS_HOLDER, observation,
                id.equals("FB-1") ? REQUIREMENT : null, subject, name, contact);
    }
}
