package org.engagementledger.audit;

import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.EngagementStatus;
import org.engagementledger.api.engagement.InvoiceStatus;
import org.engagementledger.api.engagement.MilestoneStatus;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.engagement.StatedBy;
import org.engagementledger.audit.EngagementState.FulfilmentStepKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.engagementledger.audit.AuditScenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Point-in-time state of the realistic engagement. Every expected figure is written out by hand from the
 * scenario's numbered events (see {@link AuditScenarios#realistic()}), not computed.
 */
class EngagementStateTest {

    private final EngagementHistory history = realistic().history();

    @Test
    void beforeTheFirstEventNothingExistsYet() {
        EngagementState state = EngagementState.asOf(history, at("2026-01-01T00:00:00Z"));

        assertEquals(REALISTIC, state.engagementId());
        assertEquals(0, state.cut().eventCount());
        assertEquals(-1, state.cut().lastSequence());
        assertNull(state.status());
        assertNull(state.commissioning());
        assertNull(state.ceiling());
        assertNull(state.cost());
        assertTrue(state.requirements().isEmpty());
        assertTrue(state.redFlags().isEmpty());
    }

    @Test
    void asOfTenJanuaryTheEngagementIsCommissionedWithTwoOpenRequirementsAndNoCost() {
        // events 0..4: commissioned, REQ-1, REQ-2, CAP-1, coi-1; the award (5) is on 15 January
        EngagementState state = EngagementState.asOf(history, at("2026-01-10T00:00:00Z"));

        assertEquals(5, state.cut().eventCount());
        assertEquals(4, state.cut().lastSequence());
        assertEquals(at("2026-01-10T00:00:00Z"), state.cut().asOf());
        assertEquals(EngagementStatus.COMMISSIONED, state.status());
        assertNull(state.activation());
        assertEquals(eur("100000.00"), state.ceiling().current());
        assertEquals(eur("0.00"), state.cost().committed());
        assertEquals(Map.of(REQ_1, RequirementStatus.OPEN, REQ_2, RequirementStatus.OPEN), statuses(state));
        assertEquals(1, state.requirement(REQ_1).orElseThrow().version());
        assertEquals(1, state.conflicts().size());
        assertFalse(state.conflicts().get(0).declaredAfterAward());
    }

    @Test
    void asOfSixteenFebruaryTimeIsCommittedAndTheRevisedRequirementIsOpenAgain() {
        // events 0..12: cost-1 1125.00 DELIVERY, cost-2 480.00 CAPABILITY_TRANSFER; REQ-1 revised to v2; FB-1 answered
        EngagementState state = EngagementState.asOf(history, at("2026-02-16T00:00:00Z"));

        assertEquals(12, state.cut().lastSequence());
        assertEquals(EngagementStatus.ACTIVE, state.status());
        assertEquals(eur("1605.00"), state.cost().committed());
        assertEquals(Map.of(CostCategory.DELIVERY, eur("1125.00"), CostCategory.CAPABILITY_TRANSFER, eur("480.00"),
                CostCategory.ADMINISTRATION, eur("0.00")), state.cost().byCategory());
        assertEquals(0, new BigDecimal("7.50").compareTo(state.cost().hoursByCategory().get(CostCategory.DELIVERY)));
        EngagementState.Requirement req1 = state.requirement(REQ_1).orElseThrow();
        assertEquals(2, req1.version());
        assertEquals(RequirementStatus.OPEN, req1.status());
        assertEquals(3, req1.acceptanceCriteria().size());
        assertEquals(List.of(1, 2), req1.versions().stream().map(EngagementState.RequirementVersion::version).toList());
        assertEquals("Frontline staff reported that travel time is ignored", req1.versions().get(1).reason());
        assertEquals(STAFF, req1.versions().get(1).by());
        assertEquals(StatedBy.AGENCY_UNIT, req1.statedBy());
        assertEquals(0, new BigDecimal("4.00").compareTo(state.capabilityTarget(CAP_1).orElseThrow().transferHours()));
        assertEquals(12L, state.feedbackItem(FB_1).orElseThrow().answer().sequence());
    }

    @Test
    void asOfTheEndOfMarchTheFirstRequirementIsAcceptedInvoicedAndPaidAndTheCeilingAmended() {
        // events 0..18: expense cost-3 240.00; REQ-1 accepted (15); INV-1 1600.00 registered (16) and accepted (17); amendment (18)
        EngagementState state = EngagementState.asOf(history, at("2026-03-31T00:00:00Z"));

        assertEquals(18, state.cut().lastSequence());
        assertEquals(eur("1845.00"), state.cost().committed());
        assertEquals(Map.of(REQ_1, RequirementStatus.ACCEPTED, REQ_2, RequirementStatus.OPEN), statuses(state));
        assertEquals(STAFF, state.requirement(REQ_1).orElseThrow().accepted().by());
        EngagementState.Invoice invoice = state.invoice(INV_1).orElseThrow();
        assertEquals(InvoiceStatus.ACCEPTED, invoice.status());
        assertTrue(invoice.backed());
        assertEquals(BUYER_OFFICIAL, invoice.acceptedBy());
        assertEquals(eur("1600.00"), state.cost().acceptedForPayment());
        assertEquals(eur("110000.00"), state.ceiling().current());
        assertEquals(eur("100000.00"), state.ceiling().original());
        assertEquals(new BigDecimal("10.00"), state.ceiling().growthPercent());
        assertEquals(1, state.ceiling().amendments().size());
    }

    @Test
    void asOfMidMayTheSecondRequirementHasBeenRejected() {
        // events 0..23: cost-4 900.00 DELIVERY (21); REQ-2 submitted (22) and rejected (23)
        EngagementState state = EngagementState.asOf(history, at("2026-05-15T00:00:00Z"));

        assertEquals(eur("2745.00"), state.cost().committed());
        assertEquals(Map.of(REQ_1, RequirementStatus.ACCEPTED, REQ_2, RequirementStatus.REJECTED), statuses(state));
        assertEquals(List.of(FulfilmentStepKind.SUBMITTED, FulfilmentStepKind.REJECTED),
                state.requirement(REQ_2).orElseThrow().fulfilment().stream().map(EngagementState.FulfilmentStep::kind).toList());
        assertEquals(MilestoneStatus.SCHEDULED, state.milestone(MS_1).orElseThrow().status());
        assertNull(state.capabilityTarget(CAP_1).orElseThrow().assessedLevel());
    }

    @Test
    void afterTheWholeHistoryTheEngagementIsCompletedWithEverythingAccepted() {
        EngagementState state = history.state();

        assertEquals(30, state.cut().eventCount());
        assertEquals(EngagementStatus.COMPLETED, state.status());
        assertEquals(eur("2745.00"), state.cost().committed());
        assertEquals(Map.of(REQ_1, RequirementStatus.ACCEPTED, REQ_2, RequirementStatus.ACCEPTED), statuses(state));
        EngagementState.CapabilityTarget target = state.capabilityTarget(CAP_1).orElseThrow();
        assertEquals(3, target.assessedLevel());
        assertTrue(target.met());
        assertEquals(MilestoneStatus.MET, state.milestone(MS_1).orElseThrow().status());
        assertEquals(STAFF, state.milestone(MS_1).orElseThrow().acceptedBy());
        assertEquals(28L, state.closure().sequence());
        assertEquals(1, state.auditorNotes().size());
        assertTrue(state.anomalies().isEmpty(), state.anomalies().toString());
        assertTrue(state.redFlags().isEmpty(), state.redFlags().toString());
    }

    @Test
    void anInstantEqualToAnEventsTimestampIncludesThatEvent() {
        assertEquals(5, EngagementState.asOf(history, at("2026-01-15T12:00:00Z")).cut().lastSequence());
        assertEquals(4, EngagementState.asOf(history, at("2026-01-15T11:59:59.999Z")).cut().lastSequence());
    }

    @Test
    void afterASequenceNumberTheStateHoldsExactlyTheEventsUpToIt() {
        EngagementState state = EngagementState.afterSequence(realistic().messages(), 14);

        assertEquals(15, state.cut().eventCount());
        assertEquals(14L, state.cut().afterSequence());
        assertEquals(Map.of(REQ_1, RequirementStatus.FULFILMENT_SUBMITTED, REQ_2, RequirementStatus.OPEN), statuses(state));
        assertEquals(eur("1845.00"), state.cost().committed());
        assertTrue(state.invoices().isEmpty());
    }

    @Test
    void costOverTimeTracksCommittedCostAndCeilingAfterEachCostOrCeilingEvent() {
        List<EngagementState.CostPoint> points = history.state().cost().overTime();

        assertEquals(List.of(0L, 7L, 8L, 13L, 18L, 21L), points.stream().map(EngagementState.CostPoint::sequence).toList());
        assertEquals(List.of(eur("0.00"), eur("1125.00"), eur("1605.00"), eur("1845.00"), eur("1845.00"), eur("2745.00")),
                points.stream().map(EngagementState.CostPoint::committed).toList());
        assertEquals(eur("110000.00"), points.get(4).ceiling());
    }

    @Test
    void theSameCutGivesTheSameStateEveryTime() {
        assertEquals(EngagementState.asOf(history, at("2026-03-31T00:00:00Z")),
                EngagementState.asOf(realistic().messages(), at("2026-03-31T00:00:00Z")));
    }

    @Test
    void redFlagsAreThoseAsOfTheCutOff() {
        EngagementHistory troubled = troubled().history();

        // after the invoice (7): not yet accepted, so MEDIUM; nothing closed yet, no amendment, no conflict
        EngagementState early = EngagementState.asOf(troubled, at("2026-03-01T00:00:00Z"));
        assertEquals(List.of(RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE, RedFlagCode.REQUIREMENT_WITHOUT_ACCEPTANCE_CRITERIA,
                        RedFlagCode.REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT, RedFlagCode.CORE_WORK_OUTSOURCED,
                        RedFlagCode.NO_IN_HOUSE_COST_COMPARISON),
                early.redFlags().stream().map(RedFlag::code).sorted().toList());
        assertEquals(Severity.MEDIUM, flag(early, RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE).severity());

        EngagementState end = troubled.state();
        assertEquals(Severity.HIGH, flag(end, RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE).severity());
        assertEquals(11, end.redFlags().size(), end.redFlags().toString());
    }

    @Test
    void theFoldRecomputesRatherThanTrustingTheWriter() {
        // an invoice recorded as backed although its requirement was never accepted, and a wrong final cost
        AuditScenarios.Scenario s = minimal(REALISTIC, SUPPLIER)
                .add(2, "2026-02-01T09:00:00Z", STAFF, new org.engagementledger.api.engagement.RequirementAdded(REALISTIC, REQ_1,
                        "Outcome", List.of("Criterion"), "Test", StatedBy.AGENCY_UNIT, false))
                .add(3, "2026-02-02T09:00:00Z", CONSULTANT, time(REALISTIC, "cost-1", "2026-02-02", "2.00", "100.00", "200.00",
                        CostCategory.DELIVERY, REQ_1))
                .add(4, "2026-02-03T09:00:00Z", CONSULTANT, new org.engagementledger.api.engagement.InvoiceRegistered(REALISTIC, INV_1,
                        day("2026-02-03"), eur("200.00"), List.of(REQ_1), true))
                .add(5, "2026-02-04T09:00:00Z", BUYER_OFFICIAL, new org.engagementledger.api.engagement.EngagementTerminated(REALISTIC,
                        "Funding withdrawn", eur("150.00")));

        EngagementState state = s.state();

        EngagementState.Invoice invoice = state.invoice(INV_1).orElseThrow();
        assertTrue(invoice.backedAsRecorded());
        assertFalse(invoice.backedByAcceptedDeliverable());
        assertEquals(List.of(
                        new EngagementState.Anomaly(4, "invoice INV-1 records backedByAcceptedDeliverable=true but the history says false"),
                        new EngagementState.Anomaly(5, "the final cost is recorded as 150.00 EUR but the cost lines add up to 200.00 EUR")),
                state.anomalies());
        assertEquals(List.of(4L), flag(state, RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE).sequences());
        assertEquals(List.of(4L, 5L), flag(state, RedFlagCode.HISTORY_INCONSISTENT).sequences());
    }

    @Test
    void actsTheLedgersRulesForbidAreAnomaliesNotFailures() {
        // a consultant accepting a fulfilment that was never submitted, of a requirement never added, and an actor-less event
        AuditScenarios.Scenario s = minimal(REALISTIC, SUPPLIER)
                .add(2, "2026-02-01T09:00:00Z", CONSULTANT, new org.engagementledger.api.engagement.FulfilmentAccepted(REALISTIC, REQ_1, 1,
                        List.of(), "Accepted by myself"))
                .addWithMetaData("2026-02-02T09:00:00Z", Map.of(), new org.engagementledger.api.engagement.DecisionRecorded(REALISTIC,
                        org.engagementledger.api.DecisionId.of("decision-1"), "Subject", "Rationale", day("2026-02-02")));

        EngagementState state = s.state();

        assertEquals(List.of(
                new EngagementState.Anomaly(2, "lead-consultant acting as CONSULTANT may not cause FulfilmentAccepted (allowed: [AGENCY_BUYER, AGENCY_STAFF])"),
                new EngagementState.Anomaly(2, "no requirement REQ-1 was added before this FulfilmentAccepted"),
                new EngagementState.Anomaly(3, "no actor is recorded in the event's metadata")), state.anomalies());
        assertNull(state.decisions().get(0).decidedBy());
    }

    private static Map<org.engagementledger.api.RequirementId, RequirementStatus> statuses(EngagementState state) {
        return state.requirements().stream().collect(java.util.stream.Collectors.toMap(
                EngagementState.Requirement::requirementId, EngagementState.Requirement::status));
    }

    static RedFlag flag(EngagementState state, RedFlagCode code) {
        return state.redFlags().stream().filter(f -> f.code() == code).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + state.redFlags()));
    }
}
