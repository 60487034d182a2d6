package org.engagementledger.storage;

import org.engagementledger.api.AmendmentId;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.CostLineId;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.DecisionId;
import org.engagementledger.api.DeclarationId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.MilestoneId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.Period;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One fixed, realistic instance of every {@link EngagementEvent} type, telling the story of one engagement
 * (a municipality hiring a consultancy to redesign youth job matching). The values are pinned by the
 * approved JSON files in {@code src/test/resources/approved-events}: changing a value here means
 * re-approving that file. Self-contained on purpose, so that edits to other test data do not move the
 * approved form.
 */
public final class SampleEvents {

    public static final EngagementId ENGAGEMENT = EngagementId.of("ENG-2026-001");
    public static final Party BUYER = Party.of("municipality-northvale", "Municipality of Northvale");
    public static final Party SUPPLIER = Party.of("brightpath-consulting", "BrightPath Consulting");
    public static final RequirementId REQUIREMENT = RequirementId.of("REQ-1");
    public static final CapabilityTargetId TARGET = CapabilityTargetId.of("CAP-1");
    public static final InvoiceId INVOICE = InvoiceId.of("INV-2026-0042");
    public static final MilestoneId MILESTONE = MilestoneId.of("MS-1");
    public static final FeedbackId FEEDBACK = FeedbackId.of("FB-1");
    public static final DataSubjectId FEEDBACK_GIVER = DataSubjectId.of("subject-7f3c2a");
    public static final DataSubjectId PARTICIPANT = DataSubjectId.of("subject-91b0e4");

    private static final List<String> CRITERIA = List.of(
            "Ranking explained in plain language",
            "Caseworkers can override the ranking",
            "Travel time by public transport is taken into account");

    private SampleEvents() {
    }

    /** Every event type once, in the order of {@link EngagementEvent}'s permits clause. */
    public static List<EngagementEvent> all() {
        return List.of(
                engagementCommissioned(),
                new EngagementActivated(ENGAGEMENT, day("2026-01-15")),
                new RequirementAdded(ENGAGEMENT, REQUIREMENT, "Caseworkers see a ranked list of matching vacancies",
                        CRITERIA.subList(0, 2), "Usability test with ten caseworkers", StatedBy.AGENCY_UNIT, false),
                new RequirementRevised(ENGAGEMENT, REQUIREMENT, 2, "Caseworkers see a ranked list of reachable matching vacancies",
                        CRITERIA, "Usability test with ten caseworkers", "Frontline staff reported that travel time is ignored", false),
                new RequirementWithdrawn(ENGAGEMENT, RequirementId.of("REQ-3"), "Covered by the national job platform since March"),
                new FulfilmentSubmitted(ENGAGEMENT, REQUIREMENT, 2, "Prototype v2 and the report of a usability test with ten caseworkers"),
                new FulfilmentAccepted(ENGAGEMENT, REQUIREMENT, 2, CRITERIA,
                        "All criteria met; nine of ten caseworkers completed the tasks unaided"),
                new FulfilmentRejected(ENGAGEMENT, RequirementId.of("REQ-2"), 1, "The ranking is not explained in plain language"),
                new CapabilityTargetDefined(ENGAGEMENT, TARGET, "Matching-model maintenance", "Employment analytics team", 1, 4),
                new TransferActivityRecorded(ENGAGEMENT, TARGET, TransferActivityKind.PAIRING, day("2026-03-10"),
                        new BigDecimal("3.50"), 4, "Retraining the matching model on March data together"),
                new CapabilityAssessed(ENGAGEMENT, TARGET, 3, "The team retrained and deployed the model without help"),
                new TimeLogged(ENGAGEMENT, CostLineId.of("cost-1"), "Senior consultant A", "Data scientist", day("2026-02-03"),
                        new BigDecimal("7.50"), eur("150.00"), eur("1125.00"), CostCategory.DELIVERY, REQUIREMENT,
                        "Model design with two caseworkers"),
                new ExpenseRecorded(ENGAGEMENT, CostLineId.of("cost-2"), day("2026-02-04"), eur("240.00"), CostCategory.DELIVERY,
                        "Train tickets to the Northvale job centre"),
                new InvoiceRegistered(ENGAGEMENT, INVOICE, day("2026-03-31"), eur("1250.00"), List.of(REQUIREMENT), true),
                new InvoiceAccepted(ENGAGEMENT, INVOICE, eur("1250.00")),
                new InvoiceDisputed(ENGAGEMENT, InvoiceId.of("INV-2026-0043"), "Hours on 3 February are billed twice"),
                new CeilingAmended(ENGAGEMENT, AmendmentId.of("amendment-1"), eur("100000.00"), eur("120000.00"),
                        "Second pilot office added at the board's request", "Head of Employment Services"),
                new RightsHolderImpactRecorded(ENGAGEMENT, "Young unemployed people aged 16-24",
                        List.of("Right to work", "Non-discrimination"), "Two co-design workshops with job seekers",
                        NonDiscriminationAssessment.RISK_MITIGATED, "Ranking audited for age and gender bias",
                        "Complaint to the municipal ombudsman", List.of(new Participant(PARTICIPANT, "Sam Example",
                                "sam.example@example.org", "Tested the ranking on their own job search"))),
                new FeedbackReceived(ENGAGEMENT, FEEDBACK, FeedbackSource.CITIZEN_PANEL,
                        "The ranking ignores travel time by public transport", REQUIREMENT, FEEDBACK_GIVER, "Robin Example",
                        "+47 000 00 000"),
                new FeedbackAnswered(ENGAGEMENT, FEEDBACK, "Travel time by public transport is now part of the ranking",
                        "REQ-1 revised to version 2"),
                new ConflictOfInterestDeclared(ENGAGEMENT, DeclarationId.of("coi-1"), "Senior consultant A", ConflictNature.POTENTIAL,
                        "Former employee of the vendor of the current matching system",
                        "Does not take part in assessing the vendor's system", DeclarationTiming.DISCOVERED_LATER),
                new DecisionRecorded(ENGAGEMENT, DecisionId.of("decision-1"), "Pilot in two offices before rollout",
                        "Limits the risk of poor matches before every office depends on the ranking", day("2026-03-02")),
                new MilestoneScheduled(ENGAGEMENT, MILESTONE, "Prototype in use by one team", day("2026-06-30")),
                new MilestoneOutcomeRecorded(ENGAGEMENT, MILESTONE, MilestoneStatus.MET, day("2026-06-20"), "Ten days ahead of plan"),
                engagementCompleted(),
                new EngagementTerminated(ENGAGEMENT, "Funding withdrawn by the municipal board", eur("1365.00")),
                new AuditorNoteAdded(ENGAGEMENT, "Ceiling amendment amendment-1 checked against the board minutes of 2 April"),
                new DataSubjectErased(ENGAGEMENT, FEEDBACK_GIVER, ErasureGround.CONSENT_WITHDRAWN));
    }

    public static EngagementCommissioned engagementCommissioned() {
        return new EngagementCommissioned(ENGAGEMENT, BUYER, "Employment Services", SUPPLIER,
                "Redesign youth job matching", "Young unemployed people wait months for a first match",
                "Half of young job seekers matched within six weeks", ConsultantReason.SPECIALISED_SKILLS, false, null,
                new InHouseAlternative("Second two analysts from the statistics unit for a year", eur("140000.00")),
                List.of("Young unemployed people aged 16-24", "Employment caseworkers"), eur("100000.00"),
                Period.of("2026-01-01", "2026-12-31"), "ocds-nv0001-2026-001");
    }

    public static EngagementCompleted engagementCompleted() {
        return new EngagementCompleted(ENGAGEMENT,
                new Evaluation("Median time to first match fell from 14 to 7 weeks", "Faster matching; fewer repeat visits",
                        eur("60000.00"), "Delivered on time; documentation good", true, "Involve caseworkers from week one"),
                List.of(new CapabilityAchievement(TARGET, "Matching-model maintenance", "Employment analytics team", 1, 4, 4, true),
                        new CapabilityAchievement(CapabilityTargetId.of("CAP-2"), "Bias auditing", "Employment analytics team",
                                0, 2, null, false)),
                eur("1365.00"));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    /**
     * The revision each event type is expected to carry: "1" unless its stored form has evolved.
     * Raising one needs an upcaster from the previous revision (see docs/events.md).
     */
    static String revisionOf(Class<?> eventType) {
        return eventType == org.engagementledger.api.engagement.DecisionRecorded.class
                || eventType == FeedbackReceived.class ? "2" : "1";
    }
}
