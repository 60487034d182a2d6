package org.engagementledger.engagement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.engagementledger.api.DecisionId;
import org.engagementledger.api.DeclarationId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.MilestoneId;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;

/**
 * Governance rules of the engagement: rights-holder impacts, feedback, conflicts of interest,
 * decisions and milestones. One test per business rule; refusals assert the exception, its rule
 * code and message, and that nothing was stored.
 */
class GovernanceRulesTest {

    private static final FeedbackId FEEDBACK = FeedbackId.of("FB-1");
    private static final FeedbackId UNKNOWN_FEEDBACK = FeedbackId.of("FB-404");
    private static final MilestoneId UNKNOWN_MILESTONE = MilestoneId.of("MS-404");
    private static final RequirementId UNKNOWN_REQUIREMENT = RequirementId.of("REQ-404");
    private static final LocalDate MET_ON = day("2026-06-28");

    private AggregateTestFixture<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    // ---- rights-holder impacts ------------------------------------------------------------------------------

    @Test
    void agencyStaffRecordsARightsHolderImpact() {
        fixture.given(commissioned(), activated())
                .when(recordImpact(), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(impactRecorded());
    }

    @Test
    void agencyBuyerRecordsARightsHolderImpactAlreadyWhileCommissioned() {
        fixture.given(commissioned())
                .when(recordImpact(), as(BUYER_OFFICIAL))
                .expectEvents(impactRecorded());
    }

    @Test
    void consultantCannotRecordARightsHolderImpact() {
        fixture.given(commissioned(), activated())
                .when(recordImpact(), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectException(refusedBy("not-permitted"))
                .expectExceptionMessage("CONSULTANT may not record a rights-holder impact; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void rightsHolderImpactCannotBeRecordedOnACompletedEngagement() {
        fixture.given(commissioned(), activated(), completed())
                .when(recordImpact(), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectException(refusedBy("invalid-state"))
                .expectExceptionMessage("engagement ENG-2026-001 is COMPLETED; only an auditor's note can be added")
                .expectNoEvents();
    }

    // ---- feedback -------------------------------------------------------------------------------------------

    @Test
    void agencyStaffRecordsFeedbackLinkedToARequirement() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(recordFeedback(FEEDBACK, REQUIREMENT), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(feedbackReceived());
    }

    @Test
    void consultantRecordsFeedbackWithoutALinkedRequirement() {
        fixture.given(commissioned(), activated())
                .when(recordFeedback(FEEDBACK, null), as(CONSULTANT))
                .expectEvents(new FeedbackReceived(ENGAGEMENT, FEEDBACK, FeedbackSource.FRONTLINE_STAFF,
                        "The ranking ignores travel time by public transport", null, FEEDBACK_GIVER, null, null));
    }

    @Test
    void auditorCannotRecordFeedback() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(recordFeedback(FEEDBACK, REQUIREMENT), as(AUDITOR))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AUDITOR may not record feedback; allowed: AGENCY_BUYER, AGENCY_STAFF, CONSULTANT")
                .expectNoEvents();
    }

    @Test
    void consultantOfAnotherSupplierCannotRecordFeedback() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(recordFeedback(FEEDBACK, REQUIREMENT), as(OUTSIDE_CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role CONSULTANT must act for 'brightpath-consulting' in engagement ENG-2026-001,"
                        + " but rival-consultant acts for 'rival-consulting'")
                .expectNoEvents();
    }

    @Test
    void feedbackCannotBeRecordedOnATerminatedEngagement() {
        fixture.given(commissioned(), activated(), terminated())
                .when(recordFeedback(FEEDBACK, null), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is TERMINATED; only an auditor's note can be added")
                .expectNoEvents();
    }

    @Test
    void duplicateFeedbackIdIsRefused() {
        fixture.given(commissioned(), activated(), requirementAdded(), feedbackReceived())
                .when(recordFeedback(FEEDBACK, REQUIREMENT), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("duplicate-id"))
                .expectExceptionMessage("feedback id \'FB-1\' is already used in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void feedbackLinkedToAnUnknownRequirementIsRefused() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(recordFeedback(FEEDBACK, UNKNOWN_REQUIREMENT), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("unknown-reference"))
                .expectExceptionMessage("no requirement 'REQ-404' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void agencyStaffRespondsToFeedback() {
        fixture.given(commissioned(), activated(), requirementAdded(), feedbackReceived())
                .when(respond(FEEDBACK), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(feedbackAnswered());
    }

    @Test
    void feedbackCanBeAnsweredOnlyOnce() {
        fixture.given(commissioned(), activated(), requirementAdded(), feedbackReceived(), feedbackAnswered())
                .when(respond(FEEDBACK), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("feedback FB-1 has already been answered")
                .expectNoEvents();
    }

    @Test
    void consultantCannotRespondToFeedback() {
        fixture.given(commissioned(), activated(), requirementAdded(), feedbackReceived())
                .when(respond(FEEDBACK), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not respond to feedback; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void respondingToUnknownFeedbackIsRefused() {
        fixture.given(commissioned(), activated(), requirementAdded(), feedbackReceived())
                .when(respond(UNKNOWN_FEEDBACK), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("unknown-reference"))
                .expectExceptionMessage("no feedback 'FB-404' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void feedbackCannotBeAnsweredOnACompletedEngagement() {
        fixture.given(commissioned(), activated(), requirementAdded(), feedbackReceived(), completed())
                .when(respond(FEEDBACK), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMPLETED; only an auditor's note can be added")
                .expectNoEvents();
    }

    // ---- conflicts of interest ----------------------------------------------------------------------------

    @Test
    void conflictDeclaredBeforeAwardWhileCommissionedGetsTheFirstDeclarationId() {
        fixture.given(commissioned())
                .when(declare(DeclarationTiming.BEFORE_AWARD), as(BUYER_OFFICIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(declared(1, DeclarationTiming.BEFORE_AWARD));
    }

    @Test
    void declarationsAreNumberedInOrder() {
        fixture.given(commissioned(), declared(1, DeclarationTiming.BEFORE_AWARD), activated())
                .when(declare(DeclarationTiming.DISCOVERED_LATER), as(AGENCY_STAFF))
                .expectEvents(declared(2, DeclarationTiming.DISCOVERED_LATER));
    }

    @Test
    void consultantDeclaresAConflictDiscoveredAfterActivation() {
        fixture.given(commissioned(), activated())
                .when(declare(DeclarationTiming.DISCOVERED_LATER), as(CONSULTANT))
                .expectEvents(declared(1, DeclarationTiming.DISCOVERED_LATER));
    }

    @Test
    void conflictCannotBeDeclaredBeforeAwardOnceTheContractIsSigned() {
        fixture.given(commissioned(), activated())
                .when(declare(DeclarationTiming.BEFORE_AWARD), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("declaration-timing"))
                .expectExceptionMessage("timing BEFORE_AWARD is impossible: the contract was signed on 2026-01-15;"
                        + " declare it as DISCOVERED_LATER")
                .expectNoEvents();
    }

    @Test
    void conflictCannotBeDiscoveredLaterBeforeTheEngagementIsAwarded() {
        fixture.given(commissioned())
                .when(declare(DeclarationTiming.DISCOVERED_LATER), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("declaration-timing"))
                .expectExceptionMessage("timing DISCOVERED_LATER is impossible: the engagement has not been awarded yet;"
                        + " declare it as BEFORE_AWARD")
                .expectNoEvents();
    }

    @Test
    void auditorCannotDeclareAConflictOfInterest() {
        fixture.given(commissioned(), activated())
                .when(declare(DeclarationTiming.DISCOVERED_LATER), as(AUDITOR))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AUDITOR may not declare a conflict of interest; allowed: AGENCY_BUYER, AGENCY_STAFF, CONSULTANT")
                .expectNoEvents();
    }

    @Test
    void conflictCannotBeDeclaredOnACompletedEngagement() {
        fixture.given(commissioned(), activated(), completed())
                .when(declare(DeclarationTiming.DISCOVERED_LATER), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMPLETED; only an auditor's note can be added")
                .expectNoEvents();
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    @Test
    void agencyStaffRecordsADecisionWithTheFirstDecisionId() {
        fixture.given(commissioned(), activated())
                .when(decide(), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(decided(1));
    }

    @Test
    void decisionsAreNumberedInOrder() {
        fixture.given(commissioned(), activated(), decided(1), decided(2))
                .when(decide(), as(BUYER_OFFICIAL))
                .expectEvents(decided(3));
    }

    @Test
    void consultantCannotRecordADecision() {
        fixture.given(commissioned(), activated())
                .when(decide(), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not record a decision; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void buyerOfAnotherOrganisationCannotRecordADecision() {
        fixture.given(commissioned(), activated())
                .when(decide(), as(OUTSIDE_BUYER))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role AGENCY_BUYER must act for 'municipality-northvale' in engagement ENG-2026-001,"
                        + " but other-official acts for 'municipality-southvale'")
                .expectNoEvents();
    }

    @Test
    void decisionCannotBeRecordedOnATerminatedEngagement() {
        fixture.given(commissioned(), activated(), terminated())
                .when(decide(), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is TERMINATED; only an auditor's note can be added")
                .expectNoEvents();
    }

    // ---- milestones: scheduling -----------------------------------------------------------------------------

    @Test
    void agencyStaffSchedulesAMilestone() {
        fixture.given(commissioned(), activated())
                .when(schedule(MILESTONE, day("2026-06-30")), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(milestoneScheduled());
    }

    @Test
    void milestoneDueOnTheLastDayOfThePeriodIsAccepted() {
        fixture.given(commissioned())
                .when(schedule(MILESTONE, PERIOD.end()), as(BUYER_OFFICIAL))
                .expectEvents(new MilestoneScheduled(ENGAGEMENT, MILESTONE, "Prototype in use by one team", PERIOD.end()));
    }

    @Test
    void consultantCannotScheduleAMilestone() {
        fixture.given(commissioned(), activated())
                .when(schedule(MILESTONE, day("2026-06-30")), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not schedule a milestone; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void milestoneDueBeforeTheEngagementPeriodIsRefused() {
        fixture.given(commissioned(), activated())
                .when(schedule(MILESTONE, day("2025-12-31")), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("within-period"))
                .expectExceptionMessage("dueDate 2025-12-31 lies outside the engagement period 2026-01-01..2026-12-31")
                .expectNoEvents();
    }

    @Test
    void milestoneDueAfterTheEngagementPeriodIsRefused() {
        fixture.given(commissioned(), activated())
                .when(schedule(MILESTONE, day("2027-01-01")), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("within-period"))
                .expectExceptionMessage("dueDate 2027-01-01 lies outside the engagement period 2026-01-01..2026-12-31")
                .expectNoEvents();
    }

    @Test
    void duplicateMilestoneIdIsRefused() {
        fixture.given(commissioned(), activated(), milestoneScheduled())
                .when(schedule(MILESTONE, day("2026-09-30")), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("duplicate-id"))
                .expectExceptionMessage("milestone id \'MS-1\' is already used in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void milestoneCannotBeScheduledOnACompletedEngagement() {
        fixture.given(commissioned(), activated(), completed())
                .when(schedule(MILESTONE, day("2026-06-30")), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMPLETED; only an auditor's note can be added")
                .expectNoEvents();
    }

    // ---- milestones: outcomes -------------------------------------------------------------------------------

    @Test
    void metOutcomeWithTheDateMetIsRecorded() {
        fixture.given(commissioned(), activated(), milestoneScheduled())
                .when(outcome(MilestoneStatus.MET, MET_ON), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(outcomeRecorded(MilestoneStatus.MET, MET_ON));
    }

    @Test
    void metOutcomeWithoutADateMetIsRefused() {
        fixture.given(commissioned(), activated(), milestoneScheduled())
                .when(outcome(MilestoneStatus.MET, null), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("milestone-outcome"))
                .expectExceptionMessage("dateMet is required when status is MET")
                .expectNoEvents();
    }

    @Test
    void partiallyMetOutcomeWithoutADateMetIsRefused() {
        fixture.given(commissioned(), activated(), milestoneScheduled())
                .when(outcome(MilestoneStatus.PARTIALLY_MET, null), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("milestone-outcome"))
                .expectExceptionMessage("dateMet is required when status is PARTIALLY_MET")
                .expectNoEvents();
    }

    @Test
    void notMetOutcomeWithoutADateIsRecorded() {
        fixture.given(commissioned(), activated(), milestoneScheduled())
                .when(outcome(MilestoneStatus.NOT_MET, null), as(BUYER_OFFICIAL))
                .expectEvents(outcomeRecorded(MilestoneStatus.NOT_MET, null));
    }

    @Test
    void notMetOutcomeWithADateMetIsRefused() {
        fixture.given(commissioned(), activated(), milestoneScheduled())
                .when(outcome(MilestoneStatus.NOT_MET, MET_ON), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("milestone-outcome"))
                .expectExceptionMessage("dateMet must be empty when status is NOT_MET")
                .expectNoEvents();
    }

    @Test
    void scheduledIsNotAnOutcome() {
        fixture.given(commissioned(), activated(), milestoneScheduled())
                .when(outcome(MilestoneStatus.SCHEDULED, null), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("milestone-outcome"))
                .expectExceptionMessage("status must be MET, NOT_MET or PARTIALLY_MET, not SCHEDULED")
                .expectNoEvents();
    }

    @Test
    void metMilestoneIsFinal() {
        fixture.given(commissioned(), activated(), milestoneScheduled(), outcomeRecorded(MilestoneStatus.MET, MET_ON))
                .when(outcome(MilestoneStatus.NOT_MET, null), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("milestone MS-1 is already MET")
                .expectNoEvents();
    }

    @Test
    void partiallyMetMilestoneCanLaterBeMet() {
        fixture.given(commissioned(), activated(), milestoneScheduled(),
                        outcomeRecorded(MilestoneStatus.PARTIALLY_MET, day("2026-06-30")))
                .when(outcome(MilestoneStatus.MET, day("2026-07-15")), as(AGENCY_STAFF))
                .expectEvents(outcomeRecorded(MilestoneStatus.MET, day("2026-07-15")));
    }

    @Test
    void milestoneOutcomeCannotBeRecordedWhileTheEngagementIsOnlyCommissioned() {
        fixture.given(commissioned(), milestoneScheduled())
                .when(outcome(MilestoneStatus.MET, MET_ON), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMMISSIONED; cannot record a milestone outcome"
                        + " before the engagement is activated")
                .expectNoEvents();
    }

    @Test
    void milestoneOutcomeCannotBeRecordedOnACompletedEngagement() {
        fixture.given(commissioned(), activated(), milestoneScheduled(), completed())
                .when(outcome(MilestoneStatus.MET, MET_ON), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMPLETED; only an auditor's note can be added")
                .expectNoEvents();
    }

    @Test
    void consultantCannotRecordAMilestoneOutcome() {
        fixture.given(commissioned(), activated(), milestoneScheduled())
                .when(outcome(MilestoneStatus.MET, MET_ON), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not record a milestone outcome; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void outcomeOfAnUnknownMilestoneIsRefused() {
        fixture.given(commissioned(), activated(), milestoneScheduled())
                .when(new RecordMilestoneOutcome(ENGAGEMENT, UNKNOWN_MILESTONE, MilestoneStatus.MET, MET_ON, null), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("unknown-reference"))
                .expectExceptionMessage("no milestone 'MS-404' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------


    private static EngagementTerminated terminated() {
        return new EngagementTerminated(ENGAGEMENT, "Budget withdrawn by the council", eur("0.00"));
    }

    private static RecordRightsHolderImpact recordImpact() {
        return new RecordRightsHolderImpact(ENGAGEMENT, "Young unemployed people aged 16-24", List.of("Right to work", "Non-discrimination"),
                "Two workshops with the youth council", NonDiscriminationAssessment.RISK_MITIGATED,
                "Ranking audited for bias by postcode", "Complaints desk of Employment Services", null);
    }

    private static RightsHolderImpactRecorded impactRecorded() {
        RecordRightsHolderImpact c = recordImpact();
        return new RightsHolderImpactRecorded(ENGAGEMENT, c.group(), c.rightsEngaged(), c.participation(), c.assessment(),
                c.assessmentNote(), c.remedyChannel(), List.of());
    }

    /** The same feedback as {@link EngagementFixtures#feedbackReceived()}, with the given id and link. */
    private static RecordFeedback recordFeedback(FeedbackId id, RequirementId linked) {
        return new RecordFeedback(ENGAGEMENT, id, FeedbackSource.FRONTLINE_STAFF, "The ranking ignores travel time by public transport",
                linked, FEEDBACK_GIVER, null, null);
    }

    private static RespondToFeedback respond(FeedbackId id) {
        return new RespondToFeedback(ENGAGEMENT, id, "Travel time will be added to the ranking", "Add to next sprint");
    }

    private static FeedbackAnswered feedbackAnswered() {
        return new FeedbackAnswered(ENGAGEMENT, FEEDBACK, "Travel time will be added to the ranking", "Add to next sprint");
    }

    private static DeclareConflictOfInterest declare(DeclarationTiming timing) {
        return new DeclareConflictOfInterest(ENGAGEMENT, "Senior consultant A", ConflictNature.POTENTIAL,
                "Spouse works in the employment services unit", "Excluded from any decision involving that unit", timing);
    }

    private static ConflictOfInterestDeclared declared(int number, DeclarationTiming timing) {
        DeclareConflictOfInterest c = declare(timing);
        return new ConflictOfInterestDeclared(ENGAGEMENT, DeclarationId.of("coi-" + number), c.declarant(), c.nature(),
                c.description(), c.mitigation(), timing);
    }

    private static RecordDecision decide() {
        return new RecordDecision(ENGAGEMENT, "Pilot in one district first", "Limits risk to job seekers while the model is tuned",
                LocalDate.parse("2026-03-02"));
    }

    private static DecisionRecorded decided(int number) {
        return new DecisionRecorded(ENGAGEMENT, DecisionId.of("decision-" + number), "Pilot in one district first",
                "Limits risk to job seekers while the model is tuned", LocalDate.parse("2026-03-02"));
    }

    private static ScheduleMilestone schedule(MilestoneId id, LocalDate due) {
        return new ScheduleMilestone(ENGAGEMENT, id, "Prototype in use by one team", due);
    }

    private static RecordMilestoneOutcome outcome(MilestoneStatus status, LocalDate dateMet) {
        return new RecordMilestoneOutcome(ENGAGEMENT, MILESTONE, status, dateMet, "Accepted at the steering group");
    }

    private static MilestoneOutcomeRecorded outcomeRecorded(MilestoneStatus status, LocalDate dateMet) {
        return new MilestoneOutcomeRecorded(ENGAGEMENT, MILESTONE, status, dateMet, "Accepted at the steering group");
    }
}
