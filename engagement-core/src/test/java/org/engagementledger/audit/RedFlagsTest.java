package org.engagementledger.audit;

import org.engagementledger.api.AmendmentId;
import org.engagementledger.api.DeclarationId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Party;
import org.engagementledger.api.Period;
import org.engagementledger.api.engagement.*;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.engagementledger.audit.AuditScenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per red flag: it fires on the troubled engagement with the expected severity, message and
 * supporting sequences, and stays silent on the clean (realistic) one. Boundary cases of the thresholds
 * use minimal histories.
 */
class RedFlagsTest {

    private static final EngagementState CLEAN = realistic().state();
    private static final EngagementState TROUBLED_STATE = troubled().state();

    private static List<RedFlag> troubledFlags() {
        return RedFlags.evaluate(TROUBLED_STATE, List.of(CLEAN), RedFlagThresholds.DEFAULTS);
    }

    private static List<RedFlag> cleanFlags() {
        // the buyer's other engagement is with another supplier
        return RedFlags.evaluate(CLEAN, List.of(withTarget(minimal(EngagementId.of("ENG-2026-099"), OTHER_SUPPLIER))),
                RedFlagThresholds.DEFAULTS);
    }

    @Test
    void amendmentGrowthAboveTwentyPercentOfTheOriginalCeilingIsFlagged() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.AMENDMENT_GROWTH);
        assertEquals(Severity.HIGH, flag.severity());
        assertEquals("1 amendment(s) raised the ceiling from 50000.00 EUR to 65000.00 EUR (+15000.00 EUR, 30.00 % of the original ceiling;"
                + " threshold 20 %)", flag.message());
        assertEquals(List.of(10L), flag.sequences());
        none(cleanFlags(), RedFlagCode.AMENDMENT_GROWTH);
    }

    @Test
    void amendmentGrowthOfExactlyTheThresholdIsNotFlaggedButOneCentMoreIs() {
        assertTrue(codes(amendedTo("120000.00")).isEmpty());
        assertEquals(List.of(RedFlagCode.AMENDMENT_GROWTH), codes(amendedTo("120000.01")));
        assertEquals(List.of(RedFlagCode.AMENDMENT_GROWTH), RedFlags.evaluate(amendedTo("110000.00"), List.of(),
                new RedFlagThresholds(new BigDecimal("5"), new BigDecimal("50"))).stream().map(RedFlag::code).toList());
    }

    @Test
    void anInvoicePaidWithoutAnAcceptedDeliverableIsFlaggedHigh() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE);
        assertEquals(Severity.HIGH, flag.severity());
        assertEquals("Invoice INV-7 of 6000.00 EUR bills REQ-A, none of which had an accepted fulfilment when it was registered;"
                + " it was accepted for payment", flag.message());
        assertEquals(List.of(7L, 8L), flag.sequences());
        none(cleanFlags(), RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE);
    }

    @Test
    void anUnbackedInvoiceAwaitingADecisionIsMediumAndADisputedOneLow() {
        AuditScenarios.Scenario s = minimal(REALISTIC, SUPPLIER)
                .add(2, "2026-02-01T09:00:00Z", CONSULTANT, time(REALISTIC, "cost-1", "2026-02-01", "10.00", "100.00", "1000.00",
                        CostCategory.DELIVERY, null))
                .add(3, "2026-02-02T09:00:00Z", CONSULTANT, new InvoiceRegistered(REALISTIC, INV_1, day("2026-02-02"), eur("500.00"), List.of(), false));
        assertEquals(Severity.MEDIUM, only(s.state().redFlags(), RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE).severity());
        assertEquals("Invoice INV-1 of 500.00 EUR bills no requirement; it awaits a decision",
                only(s.state().redFlags(), RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE).message());

        s.add(4, "2026-02-03T09:00:00Z", BUYER_OFFICIAL, new InvoiceDisputed(REALISTIC, INV_1, "Nothing delivered"));
        RedFlag disputed = only(s.state().redFlags(), RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE);
        assertEquals(Severity.LOW, disputed.severity());
        assertEquals(List.of(3L, 4L), disputed.sequences());
    }

    @Test
    void anActualConflictDiscoveredAfterAwardIsFlaggedHigh() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.CONFLICT_DECLARED_AFTER_AWARD);
        assertEquals(Severity.HIGH, flag.severity());
        assertEquals("ACTUAL conflict of interest coi-1 of Senior consultant B was declared after the award (DISCOVERED_LATER);"
                + " mitigation: Reassigned to another assignment", flag.message());
        assertEquals(List.of(9L), flag.sequences());
        none(cleanFlags(), RedFlagCode.CONFLICT_DECLARED_AFTER_AWARD);
    }

    @Test
    void aConflictRecordedAfterAwardButLabelledBeforeAwardIsStillFlagged() {
        EngagementState state = minimal(REALISTIC, SUPPLIER)
                .add(2, "2026-02-01T09:00:00Z", STAFF, new ConflictOfInterestDeclared(REALISTIC, DeclarationId.of("coi-1"), "Someone",
                        ConflictNature.POTENTIAL, "Shares held", "Shares sold", DeclarationTiming.BEFORE_AWARD))
                .state();

        RedFlag flag = only(state.redFlags(), RedFlagCode.CONFLICT_DECLARED_AFTER_AWARD);
        assertEquals(Severity.MEDIUM, flag.severity());
        assertEquals(List.of(2L), flag.sequences());
        assertEquals("conflict coi-1 is declared BEFORE_AWARD but was recorded after the award (#1)", state.anomalies().get(0).message());
    }

    @Test
    void aCapabilityTargetBelowItsLevelAtCloseIsFlagged() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.CAPABILITY_TARGET_UNMET_AT_CLOSE);
        assertEquals(Severity.MEDIUM, flag.severity());
        assertEquals("Capability target CAP-1 (matching-model MAINTENANCE, Benefits team) was assessed at level 2 against target level 4"
                + " (baseline 1) when the engagement was COMPLETED", flag.message());
        assertEquals(List.of(5L, 12L, 14L), flag.sequences());
        none(cleanFlags(), RedFlagCode.CAPABILITY_TARGET_UNMET_AT_CLOSE);
    }

    @Test
    void anUnmetCapabilityTargetIsNotFlaggedWhileTheEngagementIsOpen() {
        EngagementState open = EngagementState.afterSequence(troubled().history(), 13);
        none(open.redFlags(), RedFlagCode.CAPABILITY_TARGET_UNMET_AT_CLOSE);
    }

    @Test
    void theSameSupplierEngagedAgainForTheSameCapabilityIsARepeatEngagement() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.REPEAT_ENGAGEMENT);
        assertEquals(Severity.MEDIUM, flag.severity());
        assertEquals("Supplier BrightPath Consulting was also engaged by this buyer for 'matching-model MAINTENANCE' in ENG-2026-010", flag.message());
        assertEquals(List.of(5L), flag.sequences());
        none(cleanFlags(), RedFlagCode.REPEAT_ENGAGEMENT);
    }

    @Test
    void anotherSupplierOrAnotherBuyerIsNoRepeatEngagement() {
        EngagementState otherSupplier = withTarget(minimal(EngagementId.of("ENG-2026-031"), OTHER_SUPPLIER));
        EngagementState otherBuyer = withTarget(otherBuyer(EngagementId.of("ENG-2026-032")));

        none(RedFlags.evaluate(CLEAN, List.of(otherSupplier, otherBuyer, CLEAN), RedFlagThresholds.DEFAULTS), RedFlagCode.REPEAT_ENGAGEMENT);
        none(TROUBLED_STATE.redFlags(), RedFlagCode.REPEAT_ENGAGEMENT);
    }

    @Test
    void requirementsWithoutAcceptanceCriteriaAreFlagged() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.REQUIREMENT_WITHOUT_ACCEPTANCE_CRITERIA);
        assertEquals(Severity.MEDIUM, flag.severity());
        assertEquals("1 of 3 requirements have no acceptance criteria: REQ-A", flag.message());
        assertEquals(List.of(2L), flag.sequences());
        none(cleanFlags(), RedFlagCode.REQUIREMENT_WITHOUT_ACCEPTANCE_CRITERIA);
    }

    @Test
    void aRequirementWithdrawnIsNoLongerFlaggedForLackingCriteria() {
        EngagementState state = minimal(REALISTIC, SUPPLIER)
                .add(2, "2026-02-01T09:00:00Z", STAFF, new RequirementAdded(REALISTIC, REQ_1, "Vague", List.of(), "None", StatedBy.AGENCY_UNIT, true))
                .add(3, "2026-02-02T09:00:00Z", BUYER_OFFICIAL, new RequirementWithdrawn(REALISTIC, REQ_1, "Too vague"))
                .state();
        none(state.redFlags(), RedFlagCode.REQUIREMENT_WITHOUT_ACCEPTANCE_CRITERIA);
    }

    @Test
    void mostRequirementsStatedByTheConsultantIsFlagged() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT);
        assertEquals(Severity.MEDIUM, flag.severity());
        assertEquals("2 of 3 requirements were stated by the consultant rather than the agency (threshold 50 %): REQ-A, REQ-B", flag.message());
        assertEquals(List.of(2L, 3L), flag.sequences());
        none(cleanFlags(), RedFlagCode.REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT);
    }

    @Test
    void exactlyHalfTheRequirementsStatedByTheConsultantIsNotMost() {
        EngagementState state = minimal(REALISTIC, SUPPLIER)
                .add(2, "2026-02-01T09:00:00Z", CONSULTANT, new RequirementAdded(REALISTIC, REQ_A, "A", List.of("a"), "Test", StatedBy.CONSULTANT, false))
                .add(3, "2026-02-01T10:00:00Z", STAFF, new RequirementAdded(REALISTIC, REQ_B, "B", List.of("b"), "Test", StatedBy.RIGHTS_HOLDER, false))
                .state();
        none(state.redFlags(), RedFlagCode.REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT);
    }

    @Test
    void timeDatedAfterTheEngagementPeriodIsFlaggedEvenThoughTheLedgerRefusesIt() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.TIME_LOGGED_OUTSIDE_PERIOD);
        assertEquals(Severity.HIGH, flag.severity());
        assertEquals("1 cost line(s) fall outside the engagement period 2026-01-01..2026-06-30 or after its close:"
                + " cost-2 (8.00 h on 2026-07-03, outside the period)", flag.message());
        assertEquals(List.of(13L), flag.sequences());
        none(cleanFlags(), RedFlagCode.TIME_LOGGED_OUTSIDE_PERIOD);
    }

    @Test
    void timeRecordedAfterTheCloseIsFlaggedEvenWithinThePeriod() {
        EngagementState state = minimal(REALISTIC, SUPPLIER)
                .add(2, "2026-02-01T09:00:00Z", BUYER_OFFICIAL, new EngagementTerminated(REALISTIC, "Stopped", eur("0.00")))
                .add(3, "2026-02-02T09:00:00Z", CONSULTANT, time(REALISTIC, "cost-1", "2026-02-02", "1.00", "100.00", "100.00",
                        CostCategory.DELIVERY, null))
                .state();

        RedFlag flag = only(state.redFlags(), RedFlagCode.TIME_LOGGED_OUTSIDE_PERIOD);
        assertTrue(flag.message().endsWith("cost-1 (1.00 h on 2026-02-02, recorded after the close)"), flag.message());
        assertEquals("TimeLogged recorded after the engagement was TERMINATED", state.anomalies().get(0).message());
    }

    @Test
    void outsourcedCoreWorkIsFlaggedMediumWithAJustificationAndHighWithout() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.CORE_WORK_OUTSOURCED);
        assertEquals(Severity.MEDIUM, flag.severity());
        assertEquals("The engagement is core work of the agency, outsourced with the justification: Statutory deadline; no staff available",
                flag.message());
        assertEquals(List.of(0L), flag.sequences());
        none(cleanFlags(), RedFlagCode.CORE_WORK_OUTSOURCED);

        AuditScenarios.Scenario unjustified = new AuditScenarios.Scenario(REALISTIC).add(0, "2026-01-05T09:00:00Z", BUYER_OFFICIAL,
                commissioned(REALISTIC, "Core", SUPPLIER, true, null, "1.00", "100.00", Period.of("2026-01-01", "2026-12-31"), List.of()));
        assertEquals(Severity.HIGH, only(unjustified.state().redFlags(), RedFlagCode.CORE_WORK_OUTSOURCED).severity());
    }

    @Test
    void anInHouseAlternativeCostedAtZeroIsNoCostComparison() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.NO_IN_HOUSE_COST_COMPARISON);
        assertEquals(Severity.MEDIUM, flag.severity());
        assertEquals("No cost of an in-house alternative was recorded before deciding (alternative 'Second two analysts from the"
                + " statistics unit for a year' estimated at 0.00 EUR)", flag.message());
        assertEquals(List.of(0L), flag.sequences());
        none(cleanFlags(), RedFlagCode.NO_IN_HOUSE_COST_COMPARISON);
    }

    @Test
    void feedbackUnansweredAtCloseIsFlagged() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.FEEDBACK_UNANSWERED_AT_CLOSE);
        assertEquals(Severity.MEDIUM, flag.severity());
        assertEquals("1 piece(s) of feedback had no answer when the engagement was COMPLETED: FB-1 from CITIZEN_PANEL", flag.message());
        assertEquals(List.of(11L, 14L), flag.sequences());
        none(cleanFlags(), RedFlagCode.FEEDBACK_UNANSWERED_AT_CLOSE);
    }

    @Test
    void feedbackUnansweredWhileTheEngagementIsOpenIsNotYetARedFlag() {
        none(EngagementState.afterSequence(troubled().history(), 13).redFlags(), RedFlagCode.FEEDBACK_UNANSWERED_AT_CLOSE);
    }

    @Test
    void aHistoryTheLedgerWouldNotHaveWrittenIsFlagged() {
        RedFlag flag = only(troubledFlags(), RedFlagCode.HISTORY_INCONSISTENT);
        assertEquals(Severity.HIGH, flag.severity());
        assertEquals("1 fact(s) in the history break the ledger's rules or contradict a recomputation; first:"
                + " #13 time dated 2026-07-03 lies outside the engagement period 2026-01-01..2026-06-30", flag.message());
        assertEquals(List.of(13L), flag.sequences());
        none(cleanFlags(), RedFlagCode.HISTORY_INCONSISTENT);
    }

    @Test
    void theTroubledEngagementRaisesEveryFlagOrderedBySeverityAndTheCleanOneNone() {
        List<RedFlag> flags = troubledFlags();

        assertEquals(List.of(RedFlagCode.values()), flags.stream().map(RedFlag::code).sorted().toList());
        assertEquals(List.of(
                        RedFlagCode.AMENDMENT_GROWTH, RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE, RedFlagCode.CONFLICT_DECLARED_AFTER_AWARD,
                        RedFlagCode.TIME_LOGGED_OUTSIDE_PERIOD, RedFlagCode.HISTORY_INCONSISTENT,
                        RedFlagCode.CAPABILITY_TARGET_UNMET_AT_CLOSE, RedFlagCode.REPEAT_ENGAGEMENT, RedFlagCode.REQUIREMENT_WITHOUT_ACCEPTANCE_CRITERIA,
                        RedFlagCode.REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT, RedFlagCode.CORE_WORK_OUTSOURCED,
                        RedFlagCode.NO_IN_HOUSE_COST_COMPARISON, RedFlagCode.FEEDBACK_UNANSWERED_AT_CLOSE),
                flags.stream().map(RedFlag::code).toList());
        assertTrue(cleanFlags().isEmpty(), cleanFlags().toString());
    }

    @Test
    void thresholdsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RedFlagThresholds(new BigDecimal("-1"), BigDecimal.TEN));
        assertThrows(IllegalArgumentException.class, () -> new RedFlagThresholds(BigDecimal.TEN, new BigDecimal("101")));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static EngagementState amendedTo(String ceiling) {
        return minimal(REALISTIC, SUPPLIER)
                .add(2, "2026-02-01T09:00:00Z", BUYER_OFFICIAL, new CeilingAmended(REALISTIC, AmendmentId.of("amendment-1"), eur("100000.00"),
                        eur(ceiling), "More work", "Head of unit"))
                .state();
    }

    private static List<RedFlagCode> codes(EngagementState state) {
        return state.redFlags().stream().map(RedFlag::code).toList();
    }

    private static EngagementState withTarget(AuditScenarios.Scenario scenario) {
        EngagementId id = scenario.history().engagementId();
        return scenario.add(scenario.next(), "2026-02-01T09:00:00Z", scenario.history().events().get(0).actor().organisation().equals(BUYER.id())
                        ? STAFF : org.engagementledger.api.Actor.of("other-staff", org.engagementledger.api.Role.AGENCY_STAFF, "municipality-southvale"),
                new CapabilityTargetDefined(id, CAP_1, CAPABILITY, "Team", 1, 3)).state();
    }

    private static AuditScenarios.Scenario otherBuyer(EngagementId id) {
        Party southvale = Party.of("municipality-southvale", "Municipality of Southvale");
        org.engagementledger.api.Actor buyer = org.engagementledger.api.Actor.of("other-official", org.engagementledger.api.Role.AGENCY_BUYER,
                southvale.id());
        EngagementCommissioned c = commissioned(id, "Elsewhere", SUPPLIER, false, null, "1.00", "100.00", Period.of("2026-01-01", "2026-12-31"), List.of());
        return new AuditScenarios.Scenario(id).add(0, "2026-01-05T09:00:00Z", buyer, new EngagementCommissioned(id, southvale, c.buyerUnit(),
                c.supplier(), c.title(), c.problem(), c.intendedOutcome(), c.reason(), false, null, c.inHouseAlternative(), List.of(), c.ceiling(),
                c.period(), null));
    }

    static RedFlag only(List<RedFlag> flags, RedFlagCode code) {
        List<RedFlag> matching = flags.stream().filter(f -> f.code() == code).toList();
        assertEquals(1, matching.size(), code + " in " + flags);
        return matching.get(0);
    }

    static void none(List<RedFlag> flags, RedFlagCode code) {
        assertTrue(flags.stream().noneMatch(f -> f.code() == code), code + " must not be raised: " + flags);
    }
}
