package org.engagementledger.sample.scenario;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.engagement.EngagementStatus;
import org.engagementledger.api.engagement.InvoiceStatus;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.EngagementState;
import org.engagementledger.audit.RedFlag;
import org.engagementledger.audit.RedFlagCode;
import org.engagementledger.audit.VerificationStatus;
import org.engagementledger.sample.SampleDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.engagementledger.audit.RedFlagCode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo scenario tells the story the README promises: the well-run engagement shows what good looks like,
 * and the troubled one raises the red flags the domain notes list. Recorded once through a plain JDBC ledger
 * on an in-memory H2 database.
 */
class DemoScenarioTest {

    private static HikariDataSource dataSource;
    private static EngagementLedger ledger;
    private static final List<String> narration = new ArrayList<>();
    private static List<DemoScenario.Outcome> outcomes;

    @BeforeAll
    static void recordTheScenario() {
        dataSource = SampleDatabase.open("jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        ledger = EngagementLedger.jdbc(dataSource);
        outcomes = DemoScenario.record(ledger, narration::add);
        ledger.awaitReadModels(Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() {
        ledger.close();
        dataSource.close();
    }

    @Test
    void theScenarioRecordsThreeCompletedEngagementsAndShowsOneRefusalOnTheWay() {
        assertEquals(List.of(DemoScenario.NORTHVALE, DemoScenario.EASTMOOR_FIRST, DemoScenario.EASTMOOR_REPEAT),
                outcomes.stream().map(DemoScenario.Outcome::id).toList());
        assertTrue(outcomes.stream().allMatch(DemoScenario.Outcome::recordedNow));
        for (DemoScenario.Outcome outcome : outcomes) {
            assertEquals(EngagementStatus.COMPLETED, state(outcome.id()).status(), outcome.id().value());
        }
        assertEquals(1, narration.size(), narration.toString());
        assertTrue(narration.get(0).startsWith("Refused (ceiling-exceeded): committed cost may not exceed the ceiling"), narration.get(0));
    }

    @Test
    void aSecondRunRecordsNothingAndReportsEveryEngagementAsAlreadyThere() {
        List<Integer> before = outcomes.stream().map(DemoScenario.Outcome::events).toList();
        List<DemoScenario.Outcome> again = DemoScenario.record(ledger, line -> {
            throw new AssertionError("nothing should be sent again: " + line);
        });
        assertTrue(again.stream().noneMatch(DemoScenario.Outcome::recordedNow));
        assertEquals(before, again.stream().map(DemoScenario.Outcome::events).toList());
    }

    @Test
    void theWellRunEngagementRaisesOnlyTheConflictDiscoveredMidway() {
        assertEquals(List.of(CONFLICT_DECLARED_AFTER_AWARD), codes(audit(DemoScenario.NORTHVALE)));
    }

    @Test
    void theWellRunEngagementMeetsItsCapabilityTargetsAndTheAgencyCanContinueAlone() {
        EngagementState state = state(DemoScenario.NORTHVALE);
        assertEquals(2, state.capabilityTargets().size());
        assertTrue(state.capabilityTargets().stream().allMatch(EngagementState.CapabilityTarget::met));
        assertTrue(state.closure().evaluation().agencyCanContinueAlone());
        assertEquals(Money.of("60000", "EUR"), state.closure().evaluation().costsAvoided());
    }

    @Test
    void theWellRunEngagementHasADisputedInvoiceThatWasAcceptedAndOneAmendmentUnderTheThreshold() {
        EngagementState state = state(DemoScenario.NORTHVALE);
        EngagementState.Invoice disputed = state.invoices().stream().filter(i -> i.disputedSequence() != null).findFirst().orElseThrow();
        assertEquals(InvoiceStatus.ACCEPTED, disputed.status());
        assertTrue(disputed.acceptedSequence() > disputed.disputedSequence());
        assertEquals(1, state.ceiling().amendments().size());
        assertEquals(0, new BigDecimal("12.50").compareTo(state.ceiling().growthPercent()));
        assertEquals(state.cost().committed(), state.cost().acceptedForPayment(), "everything committed was invoiced and accepted");
    }

    @Test
    void theWellRunEngagementsRequirementsComeFromTheAgencyFrontlineStaffAndRightsHolders() {
        Set<String> statedBy = state(DemoScenario.NORTHVALE).requirements().stream().map(r -> r.statedBy().name()).collect(Collectors.toSet());
        assertEquals(Set.of("AGENCY_UNIT", "FRONTLINE_STAFF", "RIGHTS_HOLDER"), statedBy);
        assertTrue(state(DemoScenario.NORTHVALE).feedback().stream().allMatch(f -> f.answer() != null), "all feedback answered");
    }

    @Test
    void theTroubledEngagementRaisesEveryRedFlagTheIssueAsksFor() {
        List<RedFlagCode> codes = codes(audit(DemoScenario.EASTMOOR_REPEAT));
        for (RedFlagCode expected : List.of(REPEAT_ENGAGEMENT, AMENDMENT_GROWTH, INVOICE_WITHOUT_ACCEPTED_DELIVERABLE,
                CAPABILITY_TARGET_UNMET_AT_CLOSE, CONFLICT_DECLARED_AFTER_AWARD, REQUIREMENT_WITHOUT_ACCEPTANCE_CRITERIA,
                REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT, FEEDBACK_UNANSWERED_AT_CLOSE, NO_IN_HOUSE_COST_COMPARISON, CORE_WORK_OUTSOURCED)) {
            assertTrue(codes.contains(expected), expected + " in " + codes);
        }
        assertFalse(codes.contains(HISTORY_INCONSISTENT), "the scenario only writes what the ledger's rules allow");
    }

    @Test
    void theTroubledEngagementsAmendmentsAddNinetyPercentOfTheOriginalCeiling() {
        EngagementState.Ceiling ceiling = state(DemoScenario.EASTMOOR_REPEAT).ceiling();
        assertEquals(Money.of("40000", "EUR"), ceiling.original());
        assertEquals(Money.of("76000", "EUR"), ceiling.current());
        assertEquals(0, new BigDecimal("90.00").compareTo(ceiling.growthPercent()));
    }

    @Test
    void theRepeatEngagementIsFoundFromEitherSide() {
        RedFlag repeat = audit(DemoScenario.EASTMOOR_FIRST).redFlags().stream().filter(f -> f.code() == REPEAT_ENGAGEMENT).findFirst().orElseThrow();
        assertTrue(repeat.message().contains(DemoScenario.EASTMOOR_REPEAT.value()), repeat.message());
        assertTrue(ledger.portfolio(Cast.EASTMOOR.id()).repeatEngagements().size() >= 1);
    }

    @Test
    void everyActorOfTheScenarioIsADemoUserActingForTheirOwnOrganisation() {
        for (DemoScenario.Outcome outcome : outcomes) {
            ledger.history(outcome.id()).forEach(event -> assertTrue(Cast.USERS.stream().anyMatch(u -> u.actor().equals(event.actor())),
                    outcome.id() + " #" + event.sequence() + " by " + event.actor()));
        }
    }

    private static EngagementState state(EngagementId id) {
        return ledger.auditHistory(id).state();
    }

    private static EngagementAudit audit(EngagementId id) {
        return ledger.audit(id, VerificationStatus.notVerified("not part of this test"));
    }

    private static List<RedFlagCode> codes(EngagementAudit audit) {
        return audit.redFlags().stream().map(RedFlag::code).distinct().toList();
    }
}
