package org.engagementledger.engagement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.*;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requirements: adding, revising and withdrawing them, and the supplier's fulfilment with the
 * agency's decision on it. One test per rule.
 */
class RequirementRulesTest {

    private static final RequirementId UNKNOWN = RequirementId.of("REQ-9");
    private static final List<String> REVISED_CRITERIA = List.of("Ranking explained in plain language",
            "Caseworkers can override the ranking", "Travel time by public transport counts");

    private AggregateTestFixture<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    // ---- adding ---------------------------------------------------------------------------------------------

    @Test
    void agencyStaffAddsARequirementWithAgencyUnitProvenance() {
        fixture.given(commissioned(), activated())
                .when(addRequirement(), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requirementAdded());
    }

    @Test
    void buyerMayAddARequirementBeforeActivation() {
        fixture.given(commissioned())
                .when(addRequirement(), as(BUYER_OFFICIAL))
                .expectEvents(requirementAdded());
    }

    @Test
    void requirementWithoutAcceptanceCriteriaIsAcceptedButFlagged() {
        AddRequirement c = new AddRequirement(ENGAGEMENT, REQUIREMENT, "Caseworkers trust the ranking", List.of(),
                "Interviews", StatedBy.FRONTLINE_STAFF);
        fixture.given(commissioned(), activated())
                .when(c, as(AGENCY_STAFF))
                .expectEvents(new RequirementAdded(ENGAGEMENT, REQUIREMENT, "Caseworkers trust the ranking", List.of(),
                        "Interviews", StatedBy.FRONTLINE_STAFF, true));
    }

    @Test
    void consultantMayAddARequirementStatedByTheConsultant() {
        fixture.given(commissioned(), activated())
                .when(addRequirementStatedBy(StatedBy.CONSULTANT), as(CONSULTANT))
                .expectEvents(requirementAddedStatedBy(StatedBy.CONSULTANT));
    }

    @ParameterizedTest(name = "statedBy {0}")
    @EnumSource(value = StatedBy.class, names = "CONSULTANT", mode = EnumSource.Mode.EXCLUDE)
    void consultantMayNotRecordARequirementStatedBySomeoneElse(StatedBy statedBy) {
        fixture.given(commissioned(), activated())
                .when(addRequirementStatedBy(statedBy), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("a CONSULTANT may only record requirements statedBy CONSULTANT, not " + statedBy)
                .expectNoEvents();
    }

    @Test
    void duplicateRequirementIdIsRefused() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(addRequirement(), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(violating("duplicate-id"))
                .expectExceptionMessage("requirement id \'REQ-1\' is already used in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void withdrawnRequirementIdCannotBeReused() {
        fixture.given(commissioned(), activated(), requirementAdded(), withdrawn())
                .when(addRequirement(), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(violating("duplicate-id"))
                .expectNoEvents();
    }

    @Test
    void auditorMayNotAddARequirement() {
        fixture.given(commissioned(), activated())
                .when(addRequirement(), as(AUDITOR))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AUDITOR may not add a requirement; allowed: AGENCY_BUYER, AGENCY_STAFF, CONSULTANT")
                .expectNoEvents();
    }

    // ---- revising -------------------------------------------------------------------------------------------

    @Test
    void revisionIncrementsTheVersionAndKeepsTheReason() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(revise(), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(revised(2));
    }

    @Test
    void everyRevisionIncrementsTheVersionAgain() {
        fixture.given(commissioned(), activated(), requirementAdded(), revised(2))
                .when(revise(), as(BUYER_OFFICIAL))
                .expectEvents(revised(3));
    }

    @Test
    void revisionWithoutAcceptanceCriteriaIsFlagged() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(new ReviseRequirement(ENGAGEMENT, REQUIREMENT, "Caseworkers trust the ranking", List.of(), "Interviews",
                        "Criteria to be agreed with caseworkers"), as(AGENCY_STAFF))
                .expectEvents(new RequirementRevised(ENGAGEMENT, REQUIREMENT, 2, "Caseworkers trust the ranking", List.of(),
                        "Interviews", "Criteria to be agreed with caseworkers", true));
    }

    @Test
    void submittedRequirementCannotBeRevised() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted())
                .when(revise(), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is FULFILMENT_SUBMITTED; only an OPEN or REJECTED requirement can be revised")
                .expectNoEvents();
    }

    @Test
    void acceptedRequirementCannotBeRevised() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(), fulfilmentAccepted())
                .when(revise(), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is ACCEPTED; only an OPEN or REJECTED requirement can be revised")
                .expectNoEvents();
    }

    @Test
    void withdrawnRequirementCannotBeRevised() {
        fixture.given(commissioned(), activated(), requirementAdded(), withdrawn())
                .when(revise(), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is WITHDRAWN; only an OPEN or REJECTED requirement can be revised")
                .expectNoEvents();
    }

    @Test
    void rejectedRequirementBecomesOpenAgainWhenRevised() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(), rejected(1))
                .when(revise(), as(AGENCY_STAFF))
                .expectEvents(revised(2))
                .expectState(engagement -> assertEquals(RequirementStatus.OPEN, statusOf(engagement, REQUIREMENT)));
    }

    @Test
    void consultantMayNotReviseARequirement() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(revise(), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not revise a requirement; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void unknownRequirementCannotBeRevised() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(new ReviseRequirement(ENGAGEMENT, UNKNOWN, "x", List.of("y"), "z", "because"), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(violating("unknown-reference"))
                .expectExceptionMessage("no requirement 'REQ-9' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    // ---- withdrawing ----------------------------------------------------------------------------------------

    @Test
    void buyerWithdrawsAnOpenRequirement() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(new WithdrawRequirement(ENGAGEMENT, REQUIREMENT, "Covered by the national portal"), as(BUYER_OFFICIAL))
                .expectEvents(new RequirementWithdrawn(ENGAGEMENT, REQUIREMENT, "Covered by the national portal"));
    }

    @Test
    void buyerMayWithdrawARejectedRequirement() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(), rejected(1))
                .when(new WithdrawRequirement(ENGAGEMENT, REQUIREMENT, "Not worth another round"), as(BUYER_OFFICIAL))
                .expectEvents(new RequirementWithdrawn(ENGAGEMENT, REQUIREMENT, "Not worth another round"));
    }

    @Test
    void onlyTheBuyerMayWithdrawARequirement() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(new WithdrawRequirement(ENGAGEMENT, REQUIREMENT, "Not needed"), as(AGENCY_STAFF))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_STAFF may not withdraw a requirement; allowed: AGENCY_BUYER")
                .expectNoEvents();
    }

    @Test
    void acceptedRequirementCannotBeWithdrawn() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(), fulfilmentAccepted())
                .when(new WithdrawRequirement(ENGAGEMENT, REQUIREMENT, "Changed our minds"), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is ACCEPTED and cannot be withdrawn")
                .expectNoEvents();
    }

    @Test
    void requirementCannotBeWithdrawnTwice() {
        fixture.given(commissioned(), activated(), requirementAdded(), withdrawn())
                .when(new WithdrawRequirement(ENGAGEMENT, REQUIREMENT, "Really not needed"), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is WITHDRAWN and cannot be withdrawn")
                .expectNoEvents();
    }

    @Test
    void unknownRequirementCannotBeWithdrawn() {
        fixture.given(commissioned(), activated())
                .when(new WithdrawRequirement(ENGAGEMENT, UNKNOWN, "Never existed"), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(violating("unknown-reference"))
                .expectExceptionMessage("no requirement 'REQ-9' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    // ---- submitting fulfilment ------------------------------------------------------------------------------

    @Test
    void consultantSubmitsFulfilmentOfAnOpenRequirement() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(submit(), as(CONSULTANT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(fulfilmentSubmitted());
    }

    @Test
    void onlyAConsultantMaySubmitFulfilment() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(submit(), as(AGENCY_STAFF))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_STAFF may not submit fulfilment; allowed: CONSULTANT")
                .expectNoEvents();
    }

    @Test
    void fulfilmentCannotBeSubmittedBeforeActivation() {
        fixture.given(commissioned(), requirementAdded())
                .when(submit(), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMMISSIONED; cannot submit fulfilment before the engagement is activated")
                .expectNoEvents();
    }

    @Test
    void fulfilmentCannotBeSubmittedAgainWhileAwaitingADecision() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted())
                .when(submit(), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is FULFILMENT_SUBMITTED; fulfilment can only be submitted for an OPEN or REJECTED requirement")
                .expectNoEvents();
    }

    @Test
    void acceptedRequirementCannotBeFulfilledAgain() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(), fulfilmentAccepted())
                .when(submit(), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is ACCEPTED; fulfilment can only be submitted for an OPEN or REJECTED requirement")
                .expectNoEvents();
    }

    @Test
    void withdrawnRequirementCannotBeFulfilled() {
        fixture.given(commissioned(), activated(), requirementAdded(), withdrawn())
                .when(submit(), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is WITHDRAWN; fulfilment can only be submitted for an OPEN or REJECTED requirement")
                .expectNoEvents();
    }

    @Test
    void fulfilmentCarriesTheCurrentVersionOfTheRequirement() {
        fixture.given(commissioned(), activated(), requirementAdded(), revised(2), revised(3))
                .when(submit(), as(CONSULTANT))
                .expectEvents(new FulfilmentSubmitted(ENGAGEMENT, REQUIREMENT, 3, "Prototype and usability test report"));
    }

    @Test
    void unknownRequirementCannotBeFulfilled() {
        fixture.given(commissioned(), activated())
                .when(new SubmitFulfilment(ENGAGEMENT, UNKNOWN, "Something"), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(violating("unknown-reference"))
                .expectExceptionMessage("no requirement 'REQ-9' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    // ---- accepting and rejecting ----------------------------------------------------------------------------

    @Test
    void agencyStaffAcceptsASubmittedFulfilment() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted())
                .when(new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "All criteria met"), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(fulfilmentAccepted());
    }

    @Test
    void buyerRejectsASubmittedFulfilment() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted())
                .when(new RejectFulfilment(ENGAGEMENT, REQUIREMENT, "Ranking is not explained"), as(BUYER_OFFICIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FulfilmentRejected(ENGAGEMENT, REQUIREMENT, 1, "Ranking is not explained"));
    }

    @Test
    void consultantCannotAcceptFulfilment() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted())
                .when(new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "Our own work is great"), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not accept fulfilment; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void consultantCannotRejectFulfilment() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted())
                .when(new RejectFulfilment(ENGAGEMENT, REQUIREMENT, "Let us redo it"), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not reject fulfilment; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void auditorCannotDecideOnFulfilment() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted())
                .when(new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "Fine"), as(AUDITOR))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AUDITOR may not accept fulfilment; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void onlyASubmittedFulfilmentCanBeAccepted() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "Nothing to see"), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is OPEN; only a submitted fulfilment can be accepted or rejected")
                .expectNoEvents();
    }

    @Test
    void acceptedFulfilmentCannotBeAcceptedAgain() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(), fulfilmentAccepted())
                .when(new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "Still fine"), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is ACCEPTED; only a submitted fulfilment can be accepted or rejected")
                .expectNoEvents();
    }

    @Test
    void onlyASubmittedFulfilmentCanBeRejected() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(), rejected(1))
                .when(new RejectFulfilment(ENGAGEMENT, REQUIREMENT, "Rejected twice"), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is REJECTED; only a submitted fulfilment can be accepted or rejected")
                .expectNoEvents();
    }

    @Test
    void acceptedFulfilmentCannotBeRejectedAfterwards() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(), fulfilmentAccepted())
                .when(new RejectFulfilment(ENGAGEMENT, REQUIREMENT, "Second thoughts"), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is ACCEPTED; only a submitted fulfilment can be accepted or rejected")
                .expectNoEvents();
    }

    @Test
    void unknownRequirementCannotBeAccepted() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted())
                .when(new AcceptFulfilment(ENGAGEMENT, UNKNOWN, "Fine"), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(violating("unknown-reference"))
                .expectExceptionMessage("no requirement 'REQ-9' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void fulfilmentCannotBeDecidedAfterTermination() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(),
                        new EngagementTerminated(ENGAGEMENT, "Supplier insolvent", eur("0.00")))
                .when(new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "Accept anyway"), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is TERMINATED; only an auditor's note can be added")
                .expectNoEvents();
    }

    @Test
    void acceptanceRecordsTheCriteriaOfTheAcceptedVersion() {
        fixture.given(commissioned(), activated(), requirementAdded(), revised(2),
                        new FulfilmentSubmitted(ENGAGEMENT, REQUIREMENT, 2, "Prototype v2"))
                .when(new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "Travel time now counted"), as(AGENCY_STAFF))
                .expectEvents(new FulfilmentAccepted(ENGAGEMENT, REQUIREMENT, 2, REVISED_CRITERIA, "Travel time now counted"));
    }

    @Test
    void rejectionRecordsTheVersionThatWasRejected() {
        fixture.given(commissioned(), activated(), requirementAdded(), revised(2),
                        new FulfilmentSubmitted(ENGAGEMENT, REQUIREMENT, 2, "Prototype v2"))
                .when(new RejectFulfilment(ENGAGEMENT, REQUIREMENT, "Travel time still ignored"), as(AGENCY_STAFF))
                .expectEvents(new FulfilmentRejected(ENGAGEMENT, REQUIREMENT, 2, "Travel time still ignored"));
    }

    @Test
    void rejectedFulfilmentMayBeResubmitted() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(), rejected(1))
                .when(new SubmitFulfilment(ENGAGEMENT, REQUIREMENT, "Prototype with explanations"), as(CONSULTANT))
                .expectEvents(new FulfilmentSubmitted(ENGAGEMENT, REQUIREMENT, 1, "Prototype with explanations"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static AddRequirement addRequirementStatedBy(StatedBy statedBy) {
        AddRequirement c = addRequirement();
        return new AddRequirement(c.engagementId(), c.requirementId(), c.outcome(), c.acceptanceCriteria(),
                c.verificationMethod(), statedBy);
    }

    private static RequirementAdded requirementAddedStatedBy(StatedBy statedBy) {
        AddRequirement c = addRequirementStatedBy(statedBy);
        return new RequirementAdded(ENGAGEMENT, REQUIREMENT, c.outcome(), c.acceptanceCriteria(), c.verificationMethod(),
                statedBy, false);
    }

    private static ReviseRequirement revise() {
        return new ReviseRequirement(ENGAGEMENT, REQUIREMENT, "Caseworkers see a ranked list of reachable vacancies",
                REVISED_CRITERIA, "Usability test with ten caseworkers", "Frontline staff reported travel time matters");
    }

    private static RequirementRevised revised(int version) {
        ReviseRequirement c = revise();
        return new RequirementRevised(ENGAGEMENT, REQUIREMENT, version, c.outcome(), c.acceptanceCriteria(),
                c.verificationMethod(), c.reason(), false);
    }

    private static SubmitFulfilment submit() {
        return new SubmitFulfilment(ENGAGEMENT, REQUIREMENT, "Prototype and usability test report");
    }

    private static FulfilmentRejected rejected(int version) {
        return new FulfilmentRejected(ENGAGEMENT, REQUIREMENT, version, "Ranking is not explained");
    }

    private static RequirementWithdrawn withdrawn() {
        return new RequirementWithdrawn(ENGAGEMENT, REQUIREMENT, "Out of scope");
    }

    /** Reads a requirement's status from the aggregate; the aggregate exposes no getters, so this uses reflection. */
    @SuppressWarnings("unchecked")
    private static RequirementStatus statusOf(Engagement engagement, RequirementId id) {
        try {
            Field field = Engagement.class.getDeclaredField("requirements");
            field.setAccessible(true);
            return ((Map<RequirementId, Requirement>) field.get(engagement)).get(id).status();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Matcher<Throwable> violating(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof RuleViolationException violation && rule.equals(violation.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolationException with rule ").appendValue(rule);
            }
        };
    }
}
