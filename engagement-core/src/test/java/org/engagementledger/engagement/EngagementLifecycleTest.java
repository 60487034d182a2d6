package org.engagementledger.engagement;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.engagementledger.api.Actor;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.CostLineId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.*;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.hamcrest.CoreMatchers.allOf;
import static org.hamcrest.CoreMatchers.equalTo;

/**
 * The engagement's lifecycle: commissioning, activation, completion, termination, auditors' notes,
 * closed engagements, organisation checks and the actor recorded on every event. One test per rule.
 */
class EngagementLifecycleTest {

    private static final String CLOSED_COMPLETED = "engagement ENG-2026-001 is COMPLETED; only an auditor's note can be added";
    private static final String CLOSED_TERMINATED = "engagement ENG-2026-001 is TERMINATED; only an auditor's note can be added";
    private static final CapabilityTargetId SECOND_TARGET = CapabilityTargetId.of("CAP-2");
    private static final CapabilityTargetId THIRD_TARGET = CapabilityTargetId.of("CAP-3");

    private AggregateTestFixture<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    // ---- commissioning ---------------------------------------------------------------------------------

    @Test
    void buyerCommissionsAnEngagement() {
        fixture.givenNoPriorActivity()
                .when(commission(), as(BUYER_OFFICIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(commissioned());
    }

    @Test
    void onlyAnAgencyBuyerMayCommission() {
        fixture.givenNoPriorActivity()
                .when(commission(), as(AGENCY_STAFF))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_STAFF may not commission an engagement; only AGENCY_BUYER may")
                .expectNoEvents();
    }

    @Test
    void consultantMayNotCommission() {
        fixture.givenNoPriorActivity()
                .when(commission(), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not commission an engagement; only AGENCY_BUYER may")
                .expectNoEvents();
    }

    @Test
    void buyerMayOnlyCommissionForTheirOwnOrganisation() {
        fixture.givenNoPriorActivity()
                .when(commission(), as(OUTSIDE_BUYER))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("actor other-official acts for 'municipality-southvale' and may not commission on behalf of buyer 'municipality-northvale'")
                .expectNoEvents();
    }

    @Test
    void coreWorkIsRefusedWithoutJustification() {
        fixture.givenNoPriorActivity()
                .when(commissionWith(true, null, commission().inHouseAlternative(), SUPPLIER), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(violating("core-work-justification-required"))
                .expectExceptionMessage("coreWorkJustification is required when coreWork is true: outsourcing the agency's core work must be justified")
                .expectNoEvents();
    }

    @Test
    void coreWorkIsRefusedWithABlankJustification() {
        fixture.givenNoPriorActivity()
                .when(commissionWith(true, "   ", commission().inHouseAlternative(), SUPPLIER), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(violating("core-work-justification-required"))
                .expectNoEvents();
    }

    @Test
    void coreWorkIsCommissionedWithAJustification() {
        CommissionEngagement command = commissionWith(true, "No in-house team can build a matching model within the statutory deadline",
                commission().inHouseAlternative(), SUPPLIER);
        fixture.givenNoPriorActivity()
                .when(command, as(BUYER_OFFICIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(commissionedFrom(command));
    }

    @Test
    void inHouseEstimateMustBeInTheCeilingCurrency() {
        InHouseAlternative inSek = new InHouseAlternative("Second two analysts", Money.of("1500000.00", "SEK"));
        fixture.givenNoPriorActivity()
                .when(commissionWith(false, null, inSek, SUPPLIER), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(violating("currency-matches"))
                .expectExceptionMessage("inHouseAlternative.estimatedCost is in SEK but the engagement is in EUR")
                .expectNoEvents();
    }

    @Test
    void supplierMustDifferFromBuyer() {
        Party selfSupply = Party.of(BUYER.id(), "Northvale in-house consultancy");
        fixture.givenNoPriorActivity()
                .when(commissionWith(false, null, commission().inHouseAlternative(), selfSupply), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(violating("distinct-parties"))
                .expectExceptionMessage("supplier.id must differ from buyer.id ('municipality-northvale')")
                .expectNoEvents();
    }

    // ---- activation ----------------------------------------------------------------------------------------

    @Test
    void buyerActivatesACommissionedEngagement() {
        fixture.given(commissioned())
                .when(new ActivateEngagement(ENGAGEMENT, SIGNED), as(BUYER_OFFICIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EngagementActivated(ENGAGEMENT, SIGNED));
    }

    @Test
    void onlyTheBuyerMayActivate() {
        fixture.given(commissioned())
                .when(new ActivateEngagement(ENGAGEMENT, SIGNED), as(AGENCY_STAFF))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_STAFF may not activate the engagement; allowed: AGENCY_BUYER")
                .expectNoEvents();
    }

    @Test
    void onlyACommissionedEngagementCanBeActivated() {
        fixture.given(commissioned(), activated())
                .when(new ActivateEngagement(ENGAGEMENT, SIGNED), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is ACTIVE; only a COMMISSIONED engagement can be activated")
                .expectNoEvents();
    }

    @Test
    void contractSignedAfterThePeriodEndIsRefused() {
        fixture.given(commissioned())
                .when(new ActivateEngagement(ENGAGEMENT, day("2027-01-01")), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(violating("within-period"))
                .expectExceptionMessage("contractSigned 2027-01-01 is after the engagement period 2026-01-01..2026-12-31")
                .expectNoEvents();
    }

    @Test
    void contractSignedOnTheLastDayOfThePeriodIsAccepted() {
        fixture.given(commissioned())
                .when(new ActivateEngagement(ENGAGEMENT, day("2026-12-31")), as(BUYER_OFFICIAL))
                .expectEvents(new EngagementActivated(ENGAGEMENT, day("2026-12-31")));
    }

    // ---- completion ------------------------------------------------------------------------------------------

    @Test
    void completionRecordsCapabilityAchievedAndCommittedCostAsFinalCost() {
        fixture.given(commissioned(), activated(),
                        targetDefined(),
                        new CapabilityTargetDefined(ENGAGEMENT, SECOND_TARGET, "Vacancy data pipeline", "Data platform team", 0, 3),
                        new CapabilityTargetDefined(ENGAGEMENT, THIRD_TARGET, "Explaining rankings", "Caseworkers", 2, 3),
                        new CapabilityAssessed(ENGAGEMENT, TARGET, 4, "Team retrained the model unaided"),
                        new CapabilityAssessed(ENGAGEMENT, SECOND_TARGET, 2, "Pipeline runs, schema changes still need help"),
                        timeLogged("1200.00"),
                        new ExpenseRecorded(ENGAGEMENT, CostLineId.of("cost-2"), day("2026-02-10"), eur("300.00"),
                                CostCategory.ADMINISTRATION, "Travel to Northvale"))
                .when(new CompleteEngagement(ENGAGEMENT, evaluation()), as(BUYER_OFFICIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EngagementCompleted(ENGAGEMENT, evaluation(), List.of(
                        new CapabilityAchievement(TARGET, "Matching-model maintenance", "Employment analytics team", 1, 4, 4, true),
                        new CapabilityAchievement(SECOND_TARGET, "Vacancy data pipeline", "Data platform team", 0, 3, 2, false),
                        new CapabilityAchievement(THIRD_TARGET, "Explaining rankings", "Caseworkers", 2, 3, null, false)),
                        eur("1500.00")));
    }

    @Test
    void completionWithoutTargetsOrCostRecordsNothingAchievedAndZeroCost() {
        fixture.given(commissioned(), activated())
                .when(new CompleteEngagement(ENGAGEMENT, evaluation()), as(BUYER_OFFICIAL))
                .expectEvents(completed());
    }

    @Test
    void onlyTheBuyerMayComplete() {
        fixture.given(commissioned(), activated())
                .when(new CompleteEngagement(ENGAGEMENT, evaluation()), as(AGENCY_STAFF))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_STAFF may not complete the engagement; allowed: AGENCY_BUYER")
                .expectNoEvents();
    }

    @Test
    void onlyAnActiveEngagementCanBeCompleted() {
        fixture.given(commissioned())
                .when(new CompleteEngagement(ENGAGEMENT, evaluation()), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMMISSIONED; cannot complete the engagement before the engagement is activated")
                .expectNoEvents();
    }

    @Test
    void completionIsRefusedWhileAFulfilmentAwaitsTheAgencysDecision() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted())
                .when(new CompleteEngagement(ENGAGEMENT, evaluation()), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("fulfilment of [REQ-1] awaits the agency's decision; accept or reject it before completing")
                .expectNoEvents();
    }

    @Test
    void completionIsAllowedOnceTheSubmittedFulfilmentIsDecided() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(),
                        new FulfilmentRejected(ENGAGEMENT, REQUIREMENT, 1, "Ranking not explained"))
                .when(new CompleteEngagement(ENGAGEMENT, evaluation()), as(BUYER_OFFICIAL))
                .expectEvents(completed());
    }

    @Test
    void costsAvoidedMustBeInTheEngagementCurrency() {
        Evaluation e = evaluation();
        Evaluation inSek = new Evaluation(e.outcomesAgainstTargets(), e.benefitsRealised(), Money.of("600000.00", "SEK"),
                e.supplierPerformance(), e.agencyCanContinueAlone(), e.lessonsLearned());
        fixture.given(commissioned(), activated())
                .when(new CompleteEngagement(ENGAGEMENT, inSek), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(violating("currency-matches"))
                .expectExceptionMessage("evaluation.costsAvoided is in SEK but the engagement is in EUR")
                .expectNoEvents();
    }

    // ---- termination -----------------------------------------------------------------------------------------

    @Test
    void buyerTerminatesACommissionedEngagementAtZeroCost() {
        fixture.given(commissioned())
                .when(new TerminateEngagement(ENGAGEMENT, "Funding withdrawn"), as(BUYER_OFFICIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EngagementTerminated(ENGAGEMENT, "Funding withdrawn", eur("0.00")));
    }

    @Test
    void buyerTerminatesAnActiveEngagementWithCommittedCostAsFinalCost() {
        fixture.given(commissioned(), activated(), timeLogged("2400.00"),
                        new ExpenseRecorded(ENGAGEMENT, CostLineId.of("cost-2"), day("2026-02-10"), eur("350.00"),
                                CostCategory.ADMINISTRATION, "Travel to Northvale"))
                .when(new TerminateEngagement(ENGAGEMENT, "Supplier missed three milestones"), as(BUYER_OFFICIAL))
                .expectEvents(new EngagementTerminated(ENGAGEMENT, "Supplier missed three milestones", eur("2750.00")));
    }

    @Test
    void onlyTheBuyerMayTerminate() {
        fixture.given(commissioned(), activated())
                .when(new TerminateEngagement(ENGAGEMENT, "Not needed"), as(AGENCY_STAFF))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_STAFF may not terminate the engagement; allowed: AGENCY_BUYER")
                .expectNoEvents();
    }

    @Test
    void consultantMayNotTerminate() {
        fixture.given(commissioned(), activated())
                .when(new TerminateEngagement(ENGAGEMENT, "We quit"), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not terminate the engagement; allowed: AGENCY_BUYER")
                .expectNoEvents();
    }

    // ---- auditors' notes -------------------------------------------------------------------------------------

    @Test
    void auditorAddsANoteToAnActiveEngagement() {
        fixture.given(commissioned(), activated())
                .when(new AddAuditorNote(ENGAGEMENT, "In-house estimate looks low"), as(AUDITOR))
                .expectEvents(new AuditorNoteAdded(ENGAGEMENT, "In-house estimate looks low"));
    }

    @Test
    void auditorAddsANoteToACompletedEngagement() {
        fixture.given(commissioned(), activated(), completed())
                .when(new AddAuditorNote(ENGAGEMENT, "Benefits claimed without baseline"), as(AUDITOR))
                .expectEvents(new AuditorNoteAdded(ENGAGEMENT, "Benefits claimed without baseline"));
    }

    @Test
    void auditorAddsANoteToATerminatedEngagement() {
        fixture.given(commissioned(), activated(), terminated())
                .when(new AddAuditorNote(ENGAGEMENT, "Termination reason documented"), as(AUDITOR))
                .expectEvents(new AuditorNoteAdded(ENGAGEMENT, "Termination reason documented"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonAuditors")
    void onlyAnAuditorMayAddAnAuditorsNote(Actor actor) {
        fixture.given(commissioned(), activated())
                .when(new AddAuditorNote(ENGAGEMENT, "Looks fine to me"), as(actor))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage(actor.role() + " may not add an auditor's note; only AUDITOR may")
                .expectNoEvents();
    }

    static Stream<Actor> nonAuditors() {
        return Stream.of(BUYER_OFFICIAL, AGENCY_STAFF, CONSULTANT);
    }

    // ---- closed engagements ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsOnAClosedEngagement")
    void completedEngagementAcceptsNothingButAuditorsNotes(String name, Object command, Actor actor) {
        fixture.given(commissioned(), activated(), requirementAdded(), targetDefined(), completed())
                .when(command, as(actor))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage(CLOSED_COMPLETED)
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsOnAClosedEngagement")
    void terminatedEngagementAcceptsNothingButAuditorsNotes(String name, Object command, Actor actor) {
        fixture.given(commissioned(), activated(), requirementAdded(), targetDefined(), terminated())
                .when(command, as(actor))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage(CLOSED_TERMINATED)
                .expectNoEvents();
    }

    static Stream<Arguments> commandsOnAClosedEngagement() {
        return Stream.of(
                Arguments.of("complete", new CompleteEngagement(ENGAGEMENT, evaluation()), BUYER_OFFICIAL),
                Arguments.of("terminate", new TerminateEngagement(ENGAGEMENT, "Again"), BUYER_OFFICIAL),
                Arguments.of("add requirement", new AddRequirement(ENGAGEMENT, org.engagementledger.api.RequirementId.of("REQ-2"),
                        "Late idea", List.of("Done"), "Review", StatedBy.AGENCY_UNIT), AGENCY_STAFF),
                Arguments.of("revise requirement", new ReviseRequirement(ENGAGEMENT, REQUIREMENT, "Changed", List.of("New"),
                        "Review", "Afterthought"), AGENCY_STAFF),
                Arguments.of("withdraw requirement", new WithdrawRequirement(ENGAGEMENT, REQUIREMENT, "No longer needed"), BUYER_OFFICIAL),
                Arguments.of("submit fulfilment", new SubmitFulfilment(ENGAGEMENT, REQUIREMENT, "Late delivery"), CONSULTANT),
                Arguments.of("define target", new DefineCapabilityTarget(ENGAGEMENT, CapabilityTargetId.of("CAP-9"), "X", "Y", 0, 1), AGENCY_STAFF),
                Arguments.of("assess capability", new AssessCapability(ENGAGEMENT, TARGET, 3, "Late assessment"), AGENCY_STAFF),
                Arguments.of("log time", logTime("2", "100.00"), CONSULTANT),
                Arguments.of("amend ceiling", new AmendCeiling(ENGAGEMENT, eur("120000.00"), "More work", "Head of unit"), BUYER_OFFICIAL),
                Arguments.of("record decision", new RecordDecision(ENGAGEMENT, "Follow-up", "Because", day("2026-03-02")), AGENCY_STAFF),
                Arguments.of("record feedback", new RecordFeedback(ENGAGEMENT, FeedbackId.of("FB-9"), FeedbackSource.CITIZEN_PANEL,
                        "Too late", null, FEEDBACK_GIVER, null, null), AGENCY_STAFF));
    }

    @Test
    void completedEngagementCannotBeActivatedAgain() {
        fixture.given(commissioned(), activated(), completed())
                .when(new ActivateEngagement(ENGAGEMENT, SIGNED), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMPLETED; only a COMMISSIONED engagement can be activated")
                .expectNoEvents();
    }

    @Test
    void engagementTerminatedBeforeActivationCannotBeActivated() {
        fixture.given(commissioned(), new EngagementTerminated(ENGAGEMENT, "Funding withdrawn", eur("0.00")))
                .when(new ActivateEngagement(ENGAGEMENT, SIGNED), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is TERMINATED; only a COMMISSIONED engagement can be activated")
                .expectNoEvents();
    }

    // ---- organisation checks -----------------------------------------------------------------------------------

    @Test
    void buyerOfAnotherOrganisationMayNotActivate() {
        fixture.given(commissioned())
                .when(new ActivateEngagement(ENGAGEMENT, SIGNED), as(OUTSIDE_BUYER))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role AGENCY_BUYER must act for 'municipality-northvale' in engagement ENG-2026-001, "
                        + "but other-official acts for 'municipality-southvale'")
                .expectNoEvents();
    }

    @Test
    void buyerOfAnotherOrganisationMayNotTerminate() {
        fixture.given(commissioned(), activated())
                .when(new TerminateEngagement(ENGAGEMENT, "Hostile takeover"), as(OUTSIDE_BUYER))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void agencyStaffOfAnotherOrganisationMayNotAddARequirement() {
        Actor outsideStaff = Actor.of("other-caseworker", Role.AGENCY_STAFF, "municipality-southvale");
        fixture.given(commissioned(), activated())
                .when(addRequirement(), as(outsideStaff))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role AGENCY_STAFF must act for 'municipality-northvale' in engagement ENG-2026-001, "
                        + "but other-caseworker acts for 'municipality-southvale'")
                .expectNoEvents();
    }

    @Test
    void agencyStaffActingForTheSupplierMayNotAcceptFulfilment() {
        Actor staffAtSupplier = Actor.of("embedded-caseworker", Role.AGENCY_STAFF, SUPPLIER.id());
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted())
                .when(new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "Looks good"), as(staffAtSupplier))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role AGENCY_STAFF must act for 'municipality-northvale' in engagement ENG-2026-001, "
                        + "but embedded-caseworker acts for 'brightpath-consulting'")
                .expectNoEvents();
    }

    @Test
    void consultantOfAnotherSupplierMayNotSubmitFulfilment() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(new SubmitFulfilment(ENGAGEMENT, REQUIREMENT, "Borrowed work"), as(OUTSIDE_CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role CONSULTANT must act for 'brightpath-consulting' in engagement ENG-2026-001, "
                        + "but rival-consultant acts for 'rival-consulting'")
                .expectNoEvents();
    }

    @Test
    void consultantActingForTheBuyerMayNotLogTime() {
        Actor consultantAtBuyer = Actor.of("lead-consultant", Role.CONSULTANT, BUYER.id());
        fixture.given(commissioned(), activated())
                .when(logTime("8", "150.00"), as(consultantAtBuyer))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role CONSULTANT must act for 'brightpath-consulting' in engagement ENG-2026-001, "
                        + "but lead-consultant acts for 'municipality-northvale'")
                .expectNoEvents();
    }

    @Test
    void auditorMayAddNotesForTheirOwnAuditOffice() {
        Actor nationalAuditor = Actor.of("national-auditor", Role.AUDITOR, "national-audit-office");
        fixture.given(commissioned(), activated())
                .when(new AddAuditorNote(ENGAGEMENT, "Sampled for the national review"), as(nationalAuditor))
                .expectEvents(new AuditorNoteAdded(ENGAGEMENT, "Sampled for the national review"));
    }

    // ---- actors ------------------------------------------------------------------------------------------------

    @Test
    void commandWithoutActorIsRefused() {
        fixture.given(commissioned())
                .when(new ActivateEngagement(ENGAGEMENT, SIGNED))
                .expectException(MissingActorException.class)
                .expectExceptionMessage("every command needs an actor: metadata keys 'actorId', 'actorRole' and 'actorOrganisation' are required")
                .expectNoEvents();
    }

    @Test
    void commissioningWithoutActorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(commission())
                .expectException(MissingActorException.class)
                .expectNoEvents();
    }

    @Test
    void actorWithoutOrganisationIsRefused() {
        MetaData partial = MetaData.with("actorId", "procurement-lead").and("actorRole", "AGENCY_BUYER");
        fixture.given(commissioned())
                .when(new ActivateEngagement(ENGAGEMENT, SIGNED), partial)
                .expectException(MissingActorException.class)
                .expectNoEvents();
    }

    @Test
    void actorWithAnUnknownRoleIsRefused() {
        MetaData unknownRole = MetaData.with("actorId", "procurement-lead").and("actorRole", "MAYOR")
                .and("actorOrganisation", BUYER.id());
        fixture.given(commissioned())
                .when(new ActivateEngagement(ENGAGEMENT, SIGNED), unknownRole)
                .expectException(MissingActorException.class)
                .expectExceptionMessage("metadata 'actorRole' must be one of AGENCY_BUYER, AGENCY_STAFF, CONSULTANT, AUDITOR, was 'MAYOR'")
                .expectNoEvents();
    }

    @Test
    void actorWithABlankIdIsRefused() {
        MetaData blankId = MetaData.with("actorId", " ").and("actorRole", "AGENCY_BUYER").and("actorOrganisation", BUYER.id());
        fixture.given(commissioned())
                .when(new ActivateEngagement(ENGAGEMENT, SIGNED), blankId)
                .expectException(MissingActorException.class)
                .expectExceptionMessage("actor.id must not be blank")
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsAndTheirEvents")
    void everyEventRecordsItsActorInTheMetadata(String name, List<Object> given, Object command, Actor actor, Object expectedEvent) {
        TestExecutor<Engagement> executor = given.isEmpty() ? fixture.givenNoPriorActivity() : fixture.given(given);
        executor.when(command, as(actor))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(recordedBy(expectedEvent, actor), andNoMore()));
    }

    static Stream<Arguments> commandsAndTheirEvents() {
        List<Object> commissionedOnly = List.of(commissioned());
        List<Object> active = List.of(commissioned(), activated());
        List<Object> withRequirement = List.of(commissioned(), activated(), requirementAdded());
        List<Object> withSubmission = List.of(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted());
        List<Object> withTarget = List.of(commissioned(), activated(), targetDefined());
        RecordTransferActivity activity = new RecordTransferActivity(ENGAGEMENT, TARGET, TransferActivityKind.PAIRING,
                day("2026-03-02"), new BigDecimal("4"), 2, "Pairing on retraining");
        return Stream.of(
                Arguments.of("commission", List.of(), commission(), BUYER_OFFICIAL, commissioned()),
                Arguments.of("activate", commissionedOnly, new ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL, activated()),
                Arguments.of("complete", active, new CompleteEngagement(ENGAGEMENT, evaluation()), BUYER_OFFICIAL, completed()),
                Arguments.of("terminate", active, new TerminateEngagement(ENGAGEMENT, "Done early"), BUYER_OFFICIAL,
                        new EngagementTerminated(ENGAGEMENT, "Done early", eur("0.00"))),
                Arguments.of("auditor note", active, new AddAuditorNote(ENGAGEMENT, "Checked"), AUDITOR,
                        new AuditorNoteAdded(ENGAGEMENT, "Checked")),
                Arguments.of("add requirement", active, addRequirement(), AGENCY_STAFF, requirementAdded()),
                Arguments.of("submit fulfilment", withRequirement, new SubmitFulfilment(ENGAGEMENT, REQUIREMENT,
                        "Prototype and usability test report"), CONSULTANT, fulfilmentSubmitted()),
                Arguments.of("accept fulfilment", withSubmission, new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "All criteria met"),
                        AGENCY_STAFF, fulfilmentAccepted()),
                Arguments.of("withdraw requirement", withRequirement, new WithdrawRequirement(ENGAGEMENT, REQUIREMENT, "Out of scope"),
                        BUYER_OFFICIAL, new RequirementWithdrawn(ENGAGEMENT, REQUIREMENT, "Out of scope")),
                Arguments.of("define target", active, new DefineCapabilityTarget(ENGAGEMENT, TARGET, "Matching-model maintenance",
                        "Employment analytics team", 1, 4), AGENCY_STAFF, targetDefined()),
                Arguments.of("transfer activity", withTarget, activity, CONSULTANT, new TransferActivityRecorded(ENGAGEMENT, TARGET,
                        TransferActivityKind.PAIRING, day("2026-03-02"), new BigDecimal("4"), 2, "Pairing on retraining")),
                Arguments.of("assess capability", withTarget, new AssessCapability(ENGAGEMENT, TARGET, 3, "Retrained with help"),
                        BUYER_OFFICIAL, new CapabilityAssessed(ENGAGEMENT, TARGET, 3, "Retrained with help")));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static EngagementTerminated terminated() {
        return new EngagementTerminated(ENGAGEMENT, "Supplier insolvent", eur("0.00"));
    }

    private static CommissionEngagement commissionWith(boolean coreWork, String justification, InHouseAlternative alternative, Party supplier) {
        CommissionEngagement c = commission();
        return new CommissionEngagement(c.engagementId(), c.buyer(), c.buyerUnit(), supplier, c.title(), c.problem(),
                c.intendedOutcome(), c.reason(), coreWork, justification, alternative, c.rightsHolderGroups(), c.ceiling(),
                c.period(), c.procurementReference());
    }

    private static EngagementCommissioned commissionedFrom(CommissionEngagement c) {
        return new EngagementCommissioned(c.engagementId(), c.buyer(), c.buyerUnit(), c.supplier(), c.title(), c.problem(),
                c.intendedOutcome(), c.reason(), c.coreWork(), c.coreWorkJustification(), c.inHouseAlternative(),
                c.rightsHolderGroups(), c.ceiling(), c.period(), c.procurementReference());
    }

    /** An event message with exactly this payload whose metadata names the actor under the three actor keys. */
    private static Matcher<EventMessage<?>> recordedBy(Object payload, Actor actor) {
        return allOf(
                messageWithPayload(equalTo(payload)),
                predicate((EventMessage<?> m) -> actor.id().equals(m.getMetaData().get("actorId"))
                        && actor.role().name().equals(m.getMetaData().get("actorRole"))
                        && actor.organisation().equals(m.getMetaData().get("actorOrganisation"))));
    }

    /** A {@link RuleViolationException} naming the given rule code. */
    static Matcher<Throwable> violating(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof RuleViolationException violation && rule.equals(violation.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolationException with rule ").appendValue(rule);
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description description) {
                description.appendText("was ").appendValue(item.getClass().getSimpleName()).appendText(" with rule ")
                        .appendValue(item instanceof CommandRefusedException refused ? refused.rule() : null);
            }
        };
    }
}
