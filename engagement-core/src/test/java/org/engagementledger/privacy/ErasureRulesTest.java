package org.engagementledger.privacy;

import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.engagement.DataSubjectErased;
import org.engagementledger.api.engagement.EngagementCompleted;
import org.engagementledger.api.engagement.ErasureGround;
import org.engagementledger.api.engagement.Evaluation;
import org.engagementledger.api.engagement.FeedbackSource;
import org.engagementledger.api.engagement.NonDiscriminationAssessment;
import org.engagementledger.api.engagement.Participant;
import org.engagementledger.api.engagement.RecordFeedback;
import org.engagementledger.api.engagement.RightsHolderImpactRecorded;
import org.engagementledger.api.privacy.DataSubjectErasure;
import org.engagementledger.api.privacy.EraseDataSubject;
import org.engagementledger.engagement.Engagement;
import org.engagementledger.engagement.NotPermittedException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of erasing a data subject ({@link EraseDataSubject}, handled by {@link PersonalDataErasure} through
 * the {@link Engagement} itself). One test per rule; refusals assert the exception, its rule code and message,
 * that nothing was stored and that the subject's key survived.
 */
class ErasureRulesTest {

    private static final DataSubjectId PARTICIPANT = DataSubjectId.of("subject-youth-council-4");
    private static final DataSubjectId STRANGER = DataSubjectId.of("subject-never-seen");

    private AggregateTestFixture<Engagement> fixture;
    private PersonalDataProtection protection;
    private UUID giversKey;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
        protection = PersonalDataProtection.inMemory();
        fixture.registerAnnotatedCommandHandler(new PersonalDataErasure(fixture.getRepository(), protection));
        // what storing the feedback would have done: the giver's key was used in the engagement
        giversKey = protection.keys().keyForWriting(FEEDBACK_GIVER, ENGAGEMENT).keyId();
    }

    @Test
    void agencyStaffErasesADataSubjectAndTheEngagementRecordsIt() {
        fixture.given(commissioned(), activated(), feedbackReceived())
                .when(erase(FEEDBACK_GIVER), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new DataSubjectErasure(FEEDBACK_GIVER, List.of(ENGAGEMENT), 1))
                .expectEvents(new DataSubjectErased(ENGAGEMENT, FEEDBACK_GIVER, ErasureGround.CONSENT_WITHDRAWN));
        assertKeyDestroyed();
    }

    @Test
    void theBuyerMayEraseADataSubjectToo() {
        fixture.given(commissioned(), activated(), feedbackReceived())
                .when(erase(FEEDBACK_GIVER), as(BUYER_OFFICIAL))
                .expectEvents(new DataSubjectErased(ENGAGEMENT, FEEDBACK_GIVER, ErasureGround.CONSENT_WITHDRAWN));
    }

    @Test
    void aConsultantMayNotEraseADataSubject() {
        fixture.given(commissioned(), activated(), feedbackReceived())
                .when(erase(FEEDBACK_GIVER), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectException(refusedBy("not-permitted"))
                .expectExceptionMessage("CONSULTANT may not erase a data subject; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
        assertKeyKept();
    }

    @Test
    void anAuditorMayNotEraseADataSubject() {
        fixture.given(commissioned(), activated(), feedbackReceived())
                .when(erase(FEEDBACK_GIVER), as(AUDITOR))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AUDITOR may not erase a data subject; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
        assertKeyKept();
    }

    @Test
    void anAgencyActorOfAnotherBuyerMayNotEraseThisEngagementsDataSubjects() {
        fixture.given(commissioned(), activated(), feedbackReceived())
                .when(erase(FEEDBACK_GIVER), as(OUTSIDE_BUYER))
                .expectException(NotPermittedException.class)
                .expectException(refusedBy("not-permitted"))
                .expectExceptionMessage("an actor in role AGENCY_BUYER must act for 'municipality-northvale' in engagement ENG-2026-001,"
                        + " but other-official acts for 'municipality-southvale'")
                .expectNoEvents();
        assertKeyKept();
    }

    @Test
    void anEngagementHoldingNoPersonalDataOfTheSubjectRecordsNothing() {
        protection.keys().keyForWriting(STRANGER, ENGAGEMENT); // a use whose write rolled back
        fixture.given(commissioned(), activated(), feedbackReceived())
                .when(erase(STRANGER), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new DataSubjectErasure(STRANGER, List.of(), 1))
                .expectNoEvents();
        assertKeyKept();
    }

    @Test
    void aSubjectIsErasedFromAnEngagementOnlyOnce() {
        fixture.given(commissioned(), activated(), feedbackReceived(),
                        new DataSubjectErased(ENGAGEMENT, FEEDBACK_GIVER, ErasureGround.OBJECTION))
                .when(erase(FEEDBACK_GIVER), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new DataSubjectErasure(FEEDBACK_GIVER, List.of(), 1))
                .expectNoEvents();
    }

    @Test
    void aCompletedEngagementStillRecordsAnErasure() {
        fixture.given(commissioned(), activated(), feedbackReceived(), completed())
                .when(erase(FEEDBACK_GIVER), as(AGENCY_STAFF))
                .expectEvents(new DataSubjectErased(ENGAGEMENT, FEEDBACK_GIVER, ErasureGround.CONSENT_WITHDRAWN));
    }

    @Test
    void aRightsHolderWhoTookPartIsADataSubjectOfTheEngagement() {
        protection.keys().keyForWriting(PARTICIPANT, ENGAGEMENT);
        fixture.given(commissioned(), new RightsHolderImpactRecorded(ENGAGEMENT, "Young unemployed people aged 16-24",
                        List.of("Right to work"), "Workshops with the youth council", NonDiscriminationAssessment.RISK_MITIGATED, null,
                        "Complaints desk", List.of(new Participant(PARTICIPANT, "Alex Example", "alex@example.org", null))))
                .when(erase(PARTICIPANT), as(BUYER_OFFICIAL))
                .expectEvents(new DataSubjectErased(ENGAGEMENT, PARTICIPANT, ErasureGround.CONSENT_WITHDRAWN));
    }

    @Test
    void feedbackMustNameTheDataSubjectItBelongsTo() {
        fixture.given(commissioned(), activated())
                .when(new RecordFeedback(ENGAGEMENT, org.engagementledger.api.FeedbackId.of("FB-2"), FeedbackSource.RIGHTS_HOLDER,
                        "I waited four months", null, null, "Kim Example", "kim@example.org"), as(AGENCY_STAFF))
                .expectException(JSR303ViolationException.class)
                .expectException(violationOf("givenBy"))
                .expectNoEvents();
    }

    @Test
    void anErasureNamesItsSubjectAndItsGround() {
        fixture.given(commissioned(), activated(), feedbackReceived())
                .when(new EraseDataSubject(FEEDBACK_GIVER, null), as(AGENCY_STAFF))
                .expectException(JSR303ViolationException.class)
                .expectException(violationOf("ground"))
                .expectNoEvents();
        assertKeyKept();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static EraseDataSubject erase(DataSubjectId subject) {
        return new EraseDataSubject(subject, ErasureGround.CONSENT_WITHDRAWN);
    }

    private static EngagementCompleted completed() {
        return new EngagementCompleted(ENGAGEMENT, new Evaluation("Matched faster", "Fewer repeat visits", eur("1000.00"),
                "Good", true, "Start earlier"), List.of(), eur("0.00"));
    }

    private void assertKeyDestroyed() {
        assertTrue(protection.keys().keyForReading(giversKey).isEmpty(), "the subject's key must be destroyed");
    }

    private void assertKeyKept() {
        assertTrue(protection.keys().keyForReading(giversKey).isPresent(), "a refused erasure must leave the key in place");
        assertEquals(List.of(ENGAGEMENT), protection.keys().engagementsOf(FEEDBACK_GIVER));
    }


    private static Matcher<JSR303ViolationException> violationOf(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(JSR303ViolationException e) {
                return e.getViolations().stream().anyMatch(v -> v.getPropertyPath().toString().equals(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of ").appendValue(field);
            }
        };
    }
}
