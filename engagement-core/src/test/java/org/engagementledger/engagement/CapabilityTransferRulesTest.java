package org.engagementledger.engagement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.engagement.*;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;

/**
 * Capability transfer: targets, transfer activities and assessments, and what counts at completion.
 * One test per rule.
 */
class CapabilityTransferRulesTest {

    private static final CapabilityTargetId UNKNOWN = CapabilityTargetId.of("CAP-9");

    private AggregateTestFixture<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    // ---- targets --------------------------------------------------------------------------------------------

    @Test
    void agencyStaffDefinesACapabilityTarget() {
        fixture.given(commissioned(), activated())
                .when(define(1, 4), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(targetDefined());
    }

    @Test
    void buyerMayDefineATargetBeforeActivation() {
        fixture.given(commissioned())
                .when(define(1, 4), as(BUYER_OFFICIAL))
                .expectEvents(targetDefined());
    }

    @Test
    void consultantMayNotDefineACapabilityTarget() {
        fixture.given(commissioned(), activated())
                .when(define(1, 4), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not define a capability target; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void auditorMayNotDefineACapabilityTarget() {
        fixture.given(commissioned(), activated())
                .when(define(1, 4), as(AUDITOR))
                .expectException(NotPermittedException.class)
                .expectNoEvents();
    }

    @Test
    void targetLevelEqualToTheBaselineIsRefused() {
        fixture.given(commissioned(), activated())
                .when(define(2, 2), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(violating("target-above-baseline"))
                .expectExceptionMessage("targetLevel 2 must be above baselineLevel 2")
                .expectNoEvents();
    }

    @Test
    void targetLevelBelowTheBaselineIsRefused() {
        fixture.given(commissioned(), activated())
                .when(define(3, 1), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(violating("target-above-baseline"))
                .expectExceptionMessage("targetLevel 1 must be above baselineLevel 3")
                .expectNoEvents();
    }

    @Test
    void duplicateTargetIdIsRefused() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(define(0, 2), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(violating("duplicate-id"))
                .expectExceptionMessage("capability target id \'CAP-1\' is already used in engagement ENG-2026-001")
                .expectNoEvents();
    }

    // ---- transfer activities ----------------------------------------------------------------------------------

    @Test
    void consultantRecordsATransferActivity() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(activity(TARGET, day("2026-03-10")), as(CONSULTANT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(activityRecorded(day("2026-03-10")));
    }

    @Test
    void agencyStaffRecordsATransferActivity() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(activity(TARGET, day("2026-03-10")), as(AGENCY_STAFF))
                .expectEvents(activityRecorded(day("2026-03-10")));
    }

    @Test
    void buyerMayNotRecordATransferActivity() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(activity(TARGET, day("2026-03-10")), as(BUYER_OFFICIAL))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_BUYER may not record a transfer activity; allowed: CONSULTANT, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void consultantOfAnotherSupplierMayNotRecordATransferActivity() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(activity(TARGET, day("2026-03-10")), as(OUTSIDE_CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role CONSULTANT must act for 'brightpath-consulting' in engagement ENG-2026-001, "
                        + "but rival-consultant acts for 'rival-consulting'")
                .expectNoEvents();
    }

    @Test
    void transferActivityAfterThePeriodIsRefused() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(activity(TARGET, day("2027-01-05")), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(violating("within-period"))
                .expectExceptionMessage("date 2027-01-05 lies outside the engagement period 2026-01-01..2026-12-31")
                .expectNoEvents();
    }

    @Test
    void transferActivityBeforeThePeriodIsRefused() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(activity(TARGET, day("2025-12-31")), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(violating("within-period"))
                .expectExceptionMessage("date 2025-12-31 lies outside the engagement period 2026-01-01..2026-12-31")
                .expectNoEvents();
    }

    @Test
    void transferActivityOnTheFirstAndLastDayOfThePeriodIsAccepted() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(activity(TARGET, day("2026-12-31")), as(CONSULTANT))
                .expectEvents(activityRecorded(day("2026-12-31")));
        fixture.given(commissioned(), activated(), targetDefined())
                .when(activity(TARGET, day("2026-01-01")), as(CONSULTANT))
                .expectEvents(activityRecorded(day("2026-01-01")));
    }

    @Test
    void transferActivityForAnUnknownTargetIsRefused() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(activity(UNKNOWN, day("2026-03-10")), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(violating("unknown-reference"))
                .expectExceptionMessage("no capability target 'CAP-9' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void transferActivityIsRefusedBeforeActivation() {
        fixture.given(commissioned(), targetDefined())
                .when(activity(TARGET, day("2026-03-10")), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMMISSIONED; cannot record a transfer activity before the engagement is activated")
                .expectNoEvents();
    }

    @Test
    void transferActivityIsRefusedAfterCompletion() {
        fixture.given(commissioned(), activated(), targetDefined(), completed())
                .when(activity(TARGET, day("2026-03-10")), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMPLETED; only an auditor's note can be added")
                .expectNoEvents();
    }

    // ---- assessments --------------------------------------------------------------------------------------------

    @Test
    void agencyStaffAssessesCapability() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(assess(TARGET, 3), as(AGENCY_STAFF))
                .expectSuccessfulHandlerExecution()
                .expectEvents(assessed(3));
    }

    @Test
    void buyerAssessesCapability() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(assess(TARGET, 4), as(BUYER_OFFICIAL))
                .expectEvents(assessed(4));
    }

    @Test
    void consultantMayNotAssessCapability() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(assess(TARGET, 5), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not assess capability; allowed: AGENCY_BUYER, AGENCY_STAFF")
                .expectNoEvents();
    }

    @Test
    void assessmentOfAnUnknownTargetIsRefused() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(assess(UNKNOWN, 3), as(AGENCY_STAFF))
                .expectException(RuleViolationException.class)
                .expectException(violating("unknown-reference"))
                .expectExceptionMessage("no capability target 'CAP-9' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void capabilityCannotBeAssessedBeforeActivation() {
        fixture.given(commissioned(), targetDefined())
                .when(assess(TARGET, 2), as(AGENCY_STAFF))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMMISSIONED; cannot assess capability before the engagement is activated")
                .expectNoEvents();
    }

    @Test
    void latestAssessmentCountsAtCompletionEvenWhenLower() {
        fixture.given(commissioned(), activated(), targetDefined(), assessed(4), assessed(2))
                .when(new CompleteEngagement(ENGAGEMENT, evaluation()), as(BUYER_OFFICIAL))
                .expectEvents(completedWith(achievement(2, false)));
    }

    @Test
    void latestAssessmentCountsAtCompletionWhenTheTargetIsReachedLate() {
        fixture.given(commissioned(), activated(), targetDefined(), assessed(2), assessed(4))
                .when(new CompleteEngagement(ENGAGEMENT, evaluation()), as(BUYER_OFFICIAL))
                .expectEvents(completedWith(achievement(4, true)));
    }

    @Test
    void assessmentAboveTheTargetCountsAsMet() {
        fixture.given(commissioned(), activated(), targetDefined(), assessed(5))
                .when(new CompleteEngagement(ENGAGEMENT, evaluation()), as(BUYER_OFFICIAL))
                .expectEvents(completedWith(achievement(5, true)));
    }

    @Test
    void unassessedTargetIsNotMetAtCompletion() {
        fixture.given(commissioned(), activated(), targetDefined())
                .when(new CompleteEngagement(ENGAGEMENT, evaluation()), as(BUYER_OFFICIAL))
                .expectEvents(completedWith(achievement(null, false)));
    }

    @Test
    void assessmentsOfOneTargetDoNotCountForAnother() {
        CapabilityTargetId second = CapabilityTargetId.of("CAP-2");
        fixture.given(commissioned(), activated(), targetDefined(),
                        new CapabilityTargetDefined(ENGAGEMENT, second, "Vacancy data pipeline", "Data platform team", 0, 3),
                        new CapabilityAssessed(ENGAGEMENT, second, 3, "Runs the pipeline unaided"))
                .when(new CompleteEngagement(ENGAGEMENT, evaluation()), as(BUYER_OFFICIAL))
                .expectEvents(new EngagementCompleted(ENGAGEMENT, evaluation(), List.of(
                        achievement(null, false),
                        new CapabilityAchievement(second, "Vacancy data pipeline", "Data platform team", 0, 3, 3, true)),
                        eur("0.00")));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static DefineCapabilityTarget define(int baseline, int target) {
        return new DefineCapabilityTarget(ENGAGEMENT, TARGET, "Matching-model maintenance", "Employment analytics team",
                baseline, target);
    }

    private static RecordTransferActivity activity(CapabilityTargetId target, LocalDate date) {
        return new RecordTransferActivity(ENGAGEMENT, target, TransferActivityKind.WORKSHOP, date, new BigDecimal("3.50"), 8,
                "Retraining the matching model");
    }

    private static TransferActivityRecorded activityRecorded(LocalDate date) {
        return new TransferActivityRecorded(ENGAGEMENT, TARGET, TransferActivityKind.WORKSHOP, date, new BigDecimal("3.50"), 8,
                "Retraining the matching model");
    }

    private static AssessCapability assess(CapabilityTargetId target, int level) {
        return new AssessCapability(ENGAGEMENT, target, level, "Observed level " + level);
    }

    private static CapabilityAssessed assessed(int level) {
        return new CapabilityAssessed(ENGAGEMENT, TARGET, level, "Observed level " + level);
    }

    /** The achievement of {@link EngagementFixtures#targetDefined()} (baseline 1, target 4) at completion. */
    private static CapabilityAchievement achievement(Integer assessedLevel, boolean met) {
        return new CapabilityAchievement(TARGET, "Matching-model maintenance", "Employment analytics team", 1, 4, assessedLevel, met);
    }

    private static EngagementCompleted completedWith(CapabilityAchievement achievement) {
        return new EngagementCompleted(ENGAGEMENT, evaluation(), List.of(achievement), eur("0.00"));
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
