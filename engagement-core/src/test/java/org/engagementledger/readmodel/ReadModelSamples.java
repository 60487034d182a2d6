package org.engagementledger.readmodel;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.Actor;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.Period;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;

/**
 * Sample engagements for the read-model tests: Northvale's portfolio of three engagements (two with
 * BrightPath for the same capability, spelled differently, and one with Northwind that was
 * terminated) plus one of Southvale's with BrightPath. {@link #recordPortfolio} sends them through a
 * ledger; the constants are the figures the read models must show for them.
 */
final class ReadModelSamples {

    /** Fixed event times for projection unit tests: {@code at(n)} is n minutes after {@link #T0}. */
    static final Instant T0 = Instant.parse("2026-02-03T09:00:00Z");

    static final EngagementId FOLLOW_UP = EngagementId.of("ENG-2027-014");
    static final EngagementId NORTHWIND_ENGAGEMENT = EngagementId.of("ENG-2026-030");
    static final EngagementId SOUTHVALE_ENGAGEMENT = EngagementId.of("ENG-2026-077");

    static final Party NORTHWIND = Party.of("northwind-analytics", "Northwind Analytics");
    static final Party SOUTHVALE = Party.of("municipality-southvale", "Municipality of Southvale");
    static final Actor SOUTHVALE_BUYER = Actor.of("southvale-procurement", Role.AGENCY_BUYER, SOUTHVALE.id());

    static final RequirementId REQ_1 = REQUIREMENT;
    static final RequirementId REQ_2 = RequirementId.of("REQ-2");
    static final RequirementId REQ_3 = RequirementId.of("REQ-3");
    static final CapabilityTargetId CAP_1 = TARGET;
    static final CapabilityTargetId CAP_2 = CapabilityTargetId.of("CAP-2");
    static final InvoiceId INV_1 = INVOICE;
    static final InvoiceId INV_2 = InvoiceId.of("INV-2");

    static final String MAINTENANCE = "Matching-model maintenance";

    // Figures of ENGAGEMENT after recordPortfolio: five cost lines, two invoices, one amendment.
    static final Money COMMITTED = eur("2820.40");
    static final Money AMENDED_CEILING = eur("120000.00");
    static final List<Money> RUNNING_TOTALS = List.of(eur("900.00"), eur("1620.00"), eur("1706.40"), eur("2056.40"), eur("2820.40"));
    static final Money DELIVERY = eur("1664.00");
    static final Money CAPABILITY_TRANSFER = eur("1070.00");
    static final Money ADMINISTRATION = eur("86.40");
    /** 1,070.00 of 2,820.40 is 37.937...%. */
    static final BigDecimal CAPABILITY_TRANSFER_PERCENT = new BigDecimal("37.9");
    static final Money FOLLOW_UP_COMMITTED = eur("1100.00");

    private ReadModelSamples() {
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** Records the whole portfolio through the ledger; every command must be accepted. */
    static void recordPortfolio(EngagementLedger ledger) {
        recordMainEngagement(ledger);
        recordFollowUp(ledger);
        recordNorthwindEngagement(ledger);
        recordSouthvaleEngagement(ledger);
    }

    /** Northvale and BrightPath: requirements with revisions and fulfilments, two targets, five cost lines, two invoices. */
    static void recordMainEngagement(EngagementLedger ledger) {
        ledger.send(commission(), BUYER_OFFICIAL);
        ledger.send(new ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);
        ledger.send(addRequirement(), AGENCY_STAFF);
        ledger.send(new AddRequirement(ENGAGEMENT, REQ_2, "Caseworkers receive a monthly matching report", List.of(),
                "Review of three reports", StatedBy.FRONTLINE_STAFF), BUYER_OFFICIAL);
        ledger.send(new AddRequirement(ENGAGEMENT, REQ_3, "The model runs on the agency's own platform",
                List.of("Documented in the runbook"), "Runbook walkthrough", StatedBy.CONSULTANT), CONSULTANT);
        ledger.send(new ReviseRequirement(ENGAGEMENT, REQ_2, "Caseworkers receive a monthly matching report",
                List.of("Report delivered by the 5th of each month"), "Review of three reports", "Acceptance criteria were missing"),
                AGENCY_STAFF);
        ledger.send(new SubmitFulfilment(ENGAGEMENT, REQ_1, "Prototype v1"), CONSULTANT);
        ledger.send(new RejectFulfilment(ENGAGEMENT, REQ_1, "The ranking is not explained"), AGENCY_STAFF);
        ledger.send(new ReviseRequirement(ENGAGEMENT, REQ_1, "Caseworkers see a ranked list of matching vacancies",
                List.of("Ranking explained in plain language", "Caseworkers can override the ranking",
                        "Explanation reviewed by two caseworkers"), "Usability test with ten caseworkers",
                "Clarified after the rejection"), AGENCY_STAFF);
        ledger.send(new SubmitFulfilment(ENGAGEMENT, REQ_1, "Prototype v2 and usability test report"), CONSULTANT);
        ledger.send(new AcceptFulfilment(ENGAGEMENT, REQ_1, "All criteria met"), AGENCY_STAFF);
        ledger.send(new WithdrawRequirement(ENGAGEMENT, REQ_3, "Hosting is out of scope"), BUYER_OFFICIAL);
        ledger.send(new DefineCapabilityTarget(ENGAGEMENT, CAP_1, MAINTENANCE, "Employment analytics team", 1, 4), AGENCY_STAFF);
        ledger.send(new DefineCapabilityTarget(ENGAGEMENT, CAP_2, "Data protection impact assessment", "Legal unit", 0, 3), AGENCY_STAFF);
        ledger.send(new LogTime(ENGAGEMENT, "Senior consultant A", "Data scientist", day("2026-02-03"), new BigDecimal("7.5"),
                eur("120.00"), CostCategory.DELIVERY, REQ_1, "Model design"), CONSULTANT);
        ledger.send(new LogTime(ENGAGEMENT, "Senior consultant A", "Data scientist", day("2026-02-10"), new BigDecimal("6"),
                eur("120.00"), CostCategory.CAPABILITY_TRANSFER, null, "Pairing on retraining"), CONSULTANT);
        ledger.send(new RecordTransferActivity(ENGAGEMENT, CAP_1, TransferActivityKind.PAIRING, day("2026-02-10"),
                new BigDecimal("6"), 3, "Retraining the model together"), CONSULTANT);
        ledger.send(new RecordExpense(ENGAGEMENT, day("2026-02-12"), eur("86.40"), CostCategory.ADMINISTRATION, "Train tickets"),
                CONSULTANT);
        ledger.send(new RecordExpense(ENGAGEMENT, day("2026-02-20"), eur("350.00"), CostCategory.CAPABILITY_TRANSFER,
                "Training venue"), CONSULTANT);
        ledger.send(new LogTime(ENGAGEMENT, "Consultant B", "Developer", day("2026-03-02"), new BigDecimal("8"), eur("95.50"),
                CostCategory.DELIVERY, REQ_1, "Integration"), CONSULTANT);
        ledger.send(new AssessCapability(ENGAGEMENT, CAP_1, 2, "Team retrained the model with help"), AGENCY_STAFF);
        ledger.send(new AssessCapability(ENGAGEMENT, CAP_1, 4, "Team retrained the model alone"), AGENCY_STAFF);
        ledger.send(new RegisterInvoice(ENGAGEMENT, INV_1, day("2026-03-01"), eur("1620.00"), List.of(REQ_1)), CONSULTANT);
        ledger.send(new AcceptInvoice(ENGAGEMENT, INV_1), BUYER_OFFICIAL);
        ledger.send(new RegisterInvoice(ENGAGEMENT, INV_2, day("2026-03-15"), eur("500.00"), List.of(REQ_2)), CONSULTANT);
        ledger.send(new DisputeInvoice(ENGAGEMENT, INV_2, "No accepted deliverable"), BUYER_OFFICIAL);
        ledger.send(new AmendCeiling(ENGAGEMENT, AMENDED_CEILING, "Second municipality district added", "Employment Services"),
                BUYER_OFFICIAL);
        ledger.send(new RecordFeedback(ENGAGEMENT, org.engagementledger.api.FeedbackId.of("FB-1"), FeedbackSource.CITIZEN_PANEL,
                "The ranking ignores travel time by public transport", REQ_1, FEEDBACK_GIVER, "Robin Example", "robin@example.org"),
                AGENCY_STAFF);
        ledger.send(new RespondToFeedback(ENGAGEMENT, org.engagementledger.api.FeedbackId.of("FB-1"),
                "Travel time is now part of the ranking", "REQ-1 revised"), AGENCY_STAFF);
    }

    /** The same buyer hires the same supplier again for the same capability, spelled differently. */
    static void recordFollowUp(EngagementLedger ledger) {
        ledger.send(commissionFor(FOLLOW_UP, BUYER, SUPPLIER, "Maintain the matching model", eur("50000.00"),
                Period.of("2027-01-01", "2027-12-31")), BUYER_OFFICIAL);
        ledger.send(new ActivateEngagement(FOLLOW_UP, day("2027-01-10")), BUYER_OFFICIAL);
        ledger.send(new DefineCapabilityTarget(FOLLOW_UP, CAP_1, "  matching-model MAINTENANCE ", "Employment analytics team", 2, 4),
                AGENCY_STAFF);
        ledger.send(new LogTime(FOLLOW_UP, "Senior consultant A", "Data scientist", day("2027-01-12"), new BigDecimal("10"),
                eur("110.00"), CostCategory.DELIVERY, null, "Model upkeep"), CONSULTANT);
    }

    /** The same buyer hires another supplier for the same capability, then terminates: neither a repeat nor open. */
    static void recordNorthwindEngagement(EngagementLedger ledger) {
        ledger.send(commissionFor(NORTHWIND_ENGAGEMENT, BUYER, NORTHWIND, "Second opinion on the matching model", eur("20000.00"),
                PERIOD), BUYER_OFFICIAL);
        ledger.send(new DefineCapabilityTarget(NORTHWIND_ENGAGEMENT, CAP_1, MAINTENANCE, "Employment analytics team", 1, 2),
                AGENCY_STAFF);
        ledger.send(new TerminateEngagement(NORTHWIND_ENGAGEMENT, "Budget withdrawn before award"), BUYER_OFFICIAL);
    }

    /** Another buyer hires BrightPath for the same capability: not part of Northvale's portfolio. */
    static void recordSouthvaleEngagement(EngagementLedger ledger) {
        ledger.send(commissionFor(SOUTHVALE_ENGAGEMENT, SOUTHVALE, SUPPLIER, "Matching for Southvale", eur("30000.00"), PERIOD),
                SOUTHVALE_BUYER);
        ledger.send(new DefineCapabilityTarget(SOUTHVALE_ENGAGEMENT, CAP_1, MAINTENANCE, "Jobs team", 0, 2),
                Actor.of("southvale-staff", Role.AGENCY_STAFF, SOUTHVALE.id()));
    }

    static CommissionEngagement commissionFor(EngagementId id, Party buyer, Party supplier, String title, Money ceiling, Period period) {
        return new CommissionEngagement(id, buyer, "Employment Services", supplier, title,
                "Young unemployed people wait months for a first match", "Half of young job seekers matched within six weeks",
                ConsultantReason.SPECIALISED_SKILLS, false, null,
                new InHouseAlternative("Second two analysts for a year", eur("140000.00")),
                List.of("Young unemployed people aged 16-24"), ceiling, period, null);
    }

    /** The event a {@link #commissionFor} command produces. */
    static EngagementCommissioned commissionedFor(EngagementId id, Party buyer, Party supplier) {
        CommissionEngagement c = commissionFor(id, buyer, supplier, "Engagement " + id, CEILING, PERIOD);
        return new EngagementCommissioned(c.engagementId(), c.buyer(), c.buyerUnit(), c.supplier(), c.title(), c.problem(),
                c.intendedOutcome(), c.reason(), c.coreWork(), c.coreWorkJustification(), c.inHouseAlternative(),
                c.rightsHolderGroups(), c.ceiling(), c.period(), c.procurementReference());
    }
}
