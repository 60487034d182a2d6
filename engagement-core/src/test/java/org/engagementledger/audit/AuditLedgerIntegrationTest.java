package org.engagementledger.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.Money;
import org.engagementledger.api.engagement.*;
import org.engagementledger.audit.AuditAnswer.Verdict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An engagement recorded through the real ledger (aggregate rules, actor metadata, event store) and then
 * audited from {@code eventStore().readEvents(id, 0)}: the audit's own rule checks find nothing the ledger
 * would not have written.
 */
class AuditLedgerIntegrationTest {

    @Test
    void anEngagementRecordedThroughTheLedgerIsAuditedFromItsStoredEvents() {
        try (EngagementLedger ledger = EngagementLedger.inMemory()) {
            ledger.send(commission(), BUYER_OFFICIAL);
            ledger.send(addRequirement(), AGENCY_STAFF);
            ledger.send(new DefineCapabilityTarget(ENGAGEMENT, TARGET, "Matching-model maintenance", "Employment analytics team", 1, 3),
                    AGENCY_STAFF);
            ledger.send(new ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);
            ledger.send(logTime("8", "125.00"), CONSULTANT);
            ledger.send(new RecordTransferActivity(ENGAGEMENT, TARGET, TransferActivityKind.WORKSHOP, day("2026-02-10"),
                    new BigDecimal("2.5"), 6, "Model maintenance workshop"), CONSULTANT);
            ledger.send(new SubmitFulfilment(ENGAGEMENT, REQUIREMENT, "Prototype and usability test report"), CONSULTANT);
            ledger.send(new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "All criteria met"), AGENCY_STAFF);
            ledger.send(new RegisterInvoice(ENGAGEMENT, INVOICE, day("2026-03-01"), eur("1000.00"), List.of(REQUIREMENT)), CONSULTANT);
            ledger.send(new AcceptInvoice(ENGAGEMENT, INVOICE), BUYER_OFFICIAL);
            ledger.send(new AmendCeiling(ENGAGEMENT, eur("125000.00"), "Second pilot office", "Head of Employment Services"), BUYER_OFFICIAL);
            ledger.send(new RecordFeedback(ENGAGEMENT, org.engagementledger.api.FeedbackId.of("FB-1"), FeedbackSource.FRONTLINE_STAFF,
                    "The ranking ignores travel time", REQUIREMENT, FEEDBACK_GIVER, null, null), AGENCY_STAFF);
            ledger.send(new AssessCapability(ENGAGEMENT, TARGET, 2, "Needs help with retraining"), AGENCY_STAFF);
            ledger.send(new CompleteEngagement(ENGAGEMENT, evaluation()), BUYER_OFFICIAL);

            List<? extends DomainEventMessage<?>> stored = ledger.axonConfiguration().eventStore().readEvents(ENGAGEMENT.value(), 0L)
                    .asStream().toList();
            EngagementAudit audit = EngagementAudit.of(stored, AuditInputs.none());
            EngagementState state = EngagementState.of(EngagementHistory.of(stored));
            Timeline timeline = Timeline.of(stored);

            assertEquals(14, timeline.entries().size());
            assertEquals(BUYER_OFFICIAL, timeline.entries().get(0).actor());
            assertTrue(state.anomalies().isEmpty(), state.anomalies().toString());
            assertEquals(EngagementStatus.COMPLETED, state.status());
            assertEquals(eur("1000.00"), state.cost().committed());
            assertEquals(eur("125000.00"), state.ceiling().current());
            assertEquals(List.of(RedFlagCode.AMENDMENT_GROWTH, RedFlagCode.CAPABILITY_TARGET_UNMET_AT_CLOSE, RedFlagCode.FEEDBACK_UNANSWERED_AT_CLOSE),
                    audit.redFlags().stream().map(RedFlag::code).toList());
            assertEquals(Verdict.OK, audit.answer(AuditQuestion.DELIVERABLES).verdict());
            assertEquals(Verdict.UNKNOWN, audit.answer(AuditQuestion.INTEGRITY).verdict());
            assertEquals(13L, audit.lastSequence());

            Instant afterInvoice = stored.get(8).getTimestamp();
            EngagementState asOf = EngagementState.asOf(stored, afterInvoice);
            assertTrue(asOf.cut().lastSequence() >= 8);
            assertEquals(EngagementStatus.ACTIVE, asOf.status());
            assertEquals(Money.of("1000.00", "EUR"), EngagementState.afterSequence(stored, 8).cost().invoiced());
        }
    }
}
