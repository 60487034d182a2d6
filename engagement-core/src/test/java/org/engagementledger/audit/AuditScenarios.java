package org.engagementledger.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.engagementledger.api.Actor;
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
import org.engagementledger.engagement.ActorMetaData;
import org.engagementledger.engagement.EngagementFixtures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Event histories for the audit tests, written event by event with explicit sequence numbers and
 * fixed timestamps (no clock, no sleeping). Each scenario's comments list what an auditor should find;
 * the tests restate the expected figures by hand rather than computing them.
 *
 * <ul>
 *   <li>{@link #realistic()}: a clean, completed engagement that follows every rule; no red flag.</li>
 *   <li>{@link #troubled()}: the same buyer and supplier again, raising every red flag (with
 *       {@link #realistic()} as the buyer's other engagement for REPEAT_ENGAGEMENT).</li>
 * </ul>
 */
final class AuditScenarios {

    static final Party BUYER = EngagementFixtures.BUYER;
    static final Party SUPPLIER = EngagementFixtures.SUPPLIER;
    static final Party OTHER_SUPPLIER = Party.of("northwind-advisory", "Northwind Advisory");
    static final Actor BUYER_OFFICIAL = EngagementFixtures.BUYER_OFFICIAL;
    static final Actor STAFF = EngagementFixtures.AGENCY_STAFF;
    static final Actor CONSULTANT = EngagementFixtures.CONSULTANT;
    static final Actor AUDITOR = EngagementFixtures.AUDITOR;

    static final EngagementId REALISTIC = EngagementId.of("ENG-2026-010");
    static final EngagementId TROUBLED = EngagementId.of("ENG-2026-020");

    static final RequirementId REQ_1 = RequirementId.of("REQ-1");
    static final RequirementId REQ_2 = RequirementId.of("REQ-2");
    static final RequirementId REQ_A = RequirementId.of("REQ-A");
    static final RequirementId REQ_B = RequirementId.of("REQ-B");
    static final RequirementId REQ_C = RequirementId.of("REQ-C");
    static final CapabilityTargetId CAP_1 = CapabilityTargetId.of("CAP-1");
    static final InvoiceId INV_1 = InvoiceId.of("INV-1");
    static final InvoiceId INV_7 = InvoiceId.of("INV-7");
    static final FeedbackId FB_1 = FeedbackId.of("FB-1");
    static final MilestoneId MS_1 = MilestoneId.of("MS-1");
    static final String CAPABILITY = "Matching-model maintenance";

    private AuditScenarios() {
    }

    /**
     * Youth job matching, 2026: commissioned with a costed in-house alternative, two outcome requirements
     * with criteria (one revised after frontline feedback), a conflict declared before award, a capability
     * target met, one amendment of 10 %, every invoice backed, completed with an evaluation.
     * Cost: 1125.00 + 480.00 + 240.00 + 900.00 = 2745.00 EUR against a ceiling of 100000.00, later 110000.00 EUR.
     */
    static Scenario realistic() {
        EngagementId id = REALISTIC;
        Scenario s = new Scenario(id);
        s.add(0, "2026-01-05T09:00:00Z", BUYER_OFFICIAL, commissioned(id, "Redesign youth job matching", SUPPLIER, false, null,
                "140000.00", "100000.00", Period.of("2026-01-01", "2026-12-31"), List.of("Young unemployed people aged 16-24")));
        s.add(1, "2026-01-06T10:00:00Z", STAFF, new RequirementAdded(id, REQ_1, "Caseworkers see a ranked list of matching vacancies",
                List.of("Ranking explained in plain language", "Caseworkers can override the ranking"),
                "Usability test with ten caseworkers", StatedBy.AGENCY_UNIT, false));
        s.add(2, "2026-01-07T10:00:00Z", STAFF, new RequirementAdded(id, REQ_2, "Caseworkers learn of new matching vacancies within a day",
                List.of("Notification within 24 hours in 95 % of cases"), "Log analysis over four weeks", StatedBy.FRONTLINE_STAFF, false));
        s.add(3, "2026-01-08T10:00:00Z", STAFF, new CapabilityTargetDefined(id, CAP_1, CAPABILITY, "Employment analytics team", 1, 3));
        s.add(4, "2026-01-09T10:00:00Z", CONSULTANT, new ConflictOfInterestDeclared(id, DeclarationId.of("coi-1"), "Senior consultant A",
                ConflictNature.PERCEIVED, "Former employee of the vendor of the current matching system",
                "Does not take part in assessing the vendor's system", DeclarationTiming.BEFORE_AWARD));
        s.add(5, "2026-01-15T12:00:00Z", BUYER_OFFICIAL, new EngagementActivated(id, day("2026-01-15")));
        s.add(6, "2026-01-20T09:00:00Z", STAFF, new RightsHolderImpactRecorded(id, "Young unemployed people aged 16-24",
                List.of("Right to work", "Non-discrimination"), "Two co-design workshops with job seekers",
                NonDiscriminationAssessment.RISK_MITIGATED, "Ranking audited for age and gender bias", "Complaint to the municipal ombudsman",
                List.of()));
        s.add(7, "2026-02-03T17:00:00Z", CONSULTANT, time(id, "cost-1", "2026-02-03", "7.50", "150.00", "1125.00", CostCategory.DELIVERY, REQ_1));
        s.add(8, "2026-02-10T17:00:00Z", CONSULTANT, time(id, "cost-2", "2026-02-10", "4.00", "120.00", "480.00", CostCategory.CAPABILITY_TRANSFER, null));
        s.add(9, "2026-02-10T18:00:00Z", CONSULTANT, new TransferActivityRecorded(id, CAP_1, TransferActivityKind.PAIRING, day("2026-02-10"),
                new BigDecimal("4.00"), 3, "Retraining the matching model together"));
        s.add(10, "2026-02-12T09:00:00Z", STAFF, new FeedbackReceived(id, FB_1, FeedbackSource.FRONTLINE_STAFF,
                "The ranking ignores travel time by public transport", REQ_1, DataSubjectId.of("subject-frontline-17"), null, null));
        s.add(11, "2026-02-15T09:00:00Z", STAFF, new RequirementRevised(id, REQ_1, 2, "Caseworkers see a ranked list of reachable matching vacancies",
                List.of("Ranking explained in plain language", "Caseworkers can override the ranking", "Travel time by public transport counts"),
                "Usability test with ten caseworkers", "Frontline staff reported that travel time is ignored", false));
        s.add(12, "2026-02-15T10:00:00Z", STAFF, new FeedbackAnswered(id, FB_1, "Travel time is now part of the ranking", "REQ-1 revised to version 2"));
        s.add(13, "2026-02-20T16:00:00Z", CONSULTANT, new ExpenseRecorded(id, CostLineId.of("cost-3"), day("2026-02-20"), eur("240.00"),
                CostCategory.DELIVERY, "Train tickets to the job centre"));
        s.add(14, "2026-03-01T09:00:00Z", CONSULTANT, new FulfilmentSubmitted(id, REQ_1, 2, "Prototype v2 and usability test report"));
        s.add(15, "2026-03-05T14:00:00Z", STAFF, new FulfilmentAccepted(id, REQ_1, 2,
                List.of("Ranking explained in plain language", "Caseworkers can override the ranking", "Travel time by public transport counts"),
                "All criteria met; nine of ten caseworkers completed the tasks unaided"));
        s.add(16, "2026-03-10T09:00:00Z", CONSULTANT, new InvoiceRegistered(id, INV_1, day("2026-03-10"), eur("1600.00"), List.of(REQ_1), true));
        s.add(17, "2026-03-12T09:00:00Z", BUYER_OFFICIAL, new InvoiceAccepted(id, INV_1, eur("1600.00")));
        s.add(18, "2026-03-20T09:00:00Z", BUYER_OFFICIAL, new CeilingAmended(id, AmendmentId.of("amendment-1"), eur("100000.00"),
                eur("110000.00"), "Second pilot office added at the board's request", "Head of Employment Services"));
        s.add(19, "2026-04-01T09:00:00Z", BUYER_OFFICIAL, new DecisionRecorded(id, DecisionId.of("decision-1"), "Pilot in two offices before rollout",
                "Limits the risk of poor matches", day("2026-03-18")));
        s.add(20, "2026-04-02T09:00:00Z", STAFF, new MilestoneScheduled(id, MS_1, "Prototype in use by one team", day("2026-06-30")));
        s.add(21, "2026-05-04T17:00:00Z", CONSULTANT, time(id, "cost-4", "2026-05-04", "6.00", "150.00", "900.00", CostCategory.DELIVERY, REQ_2));
        s.add(22, "2026-05-10T09:00:00Z", CONSULTANT, new FulfilmentSubmitted(id, REQ_2, 1, "Notification service in test"));
        s.add(23, "2026-05-12T09:00:00Z", STAFF, new FulfilmentRejected(id, REQ_2, 1, "Notifications arrive after two days"));
        s.add(24, "2026-05-20T09:00:00Z", CONSULTANT, new FulfilmentSubmitted(id, REQ_2, 1, "Notification service with a new queue"));
        s.add(25, "2026-05-22T09:00:00Z", STAFF, new FulfilmentAccepted(id, REQ_2, 1, List.of("Notification within 24 hours in 95 % of cases"),
                "97 % within 24 hours over four weeks"));
        s.add(26, "2026-06-20T15:00:00Z", STAFF, new MilestoneOutcomeRecorded(id, MS_1, MilestoneStatus.MET, day("2026-06-20"), "Ten days early"));
        s.add(27, "2026-06-25T09:00:00Z", STAFF, new CapabilityAssessed(id, CAP_1, 3, "The team retrained and deployed the model without help"));
        s.add(28, "2026-07-01T09:00:00Z", BUYER_OFFICIAL, new EngagementCompleted(id,
                new Evaluation("Median time to first match fell from 14 to 7 weeks", "Faster matching; fewer repeat visits", eur("60000.00"),
                        "Delivered on time; documentation good", true, "Involve caseworkers from week one"),
                List.of(new CapabilityAchievement(CAP_1, CAPABILITY, "Employment analytics team", 1, 3, 3, true)), eur("2745.00")));
        s.add(29, "2026-07-15T09:00:00Z", AUDITOR, new AuditorNoteAdded(id, "Amendment checked against the board minutes of 18 March"));
        return s;
    }

    /**
     * Benefit letters, 2026 (period ending 30 June): core work with a justification but no in-house cost,
     * requirements mostly stated by the consultant (one without criteria), an invoice paid without an accepted
     * deliverable, an actual conflict discovered after award, a 30 % amendment, feedback never answered,
     * time dated after the period, and a capability target for the same capability as {@link #realistic()}
     * left unmet at completion. Cost: 6000.00 + 1200.00 = 7200.00 EUR.
     */
    static Scenario troubled() {
        EngagementId id = TROUBLED;
        Scenario s = new Scenario(id);
        s.add(0, "2026-01-05T09:00:00Z", BUYER_OFFICIAL, commissioned(id, "Rewrite benefit decision letters", SUPPLIER, true,
                "Statutory deadline; no staff available", "0.00", "50000.00", Period.of("2026-01-01", "2026-06-30"), List.of("Benefit claimants")));
        s.add(1, "2026-01-10T09:00:00Z", BUYER_OFFICIAL, new EngagementActivated(id, day("2026-01-10")));
        s.add(2, "2026-01-12T09:00:00Z", CONSULTANT, new RequirementAdded(id, REQ_A, "Improve the letters", List.of(), "Expert review",
                StatedBy.CONSULTANT, true));
        s.add(3, "2026-01-12T10:00:00Z", CONSULTANT, new RequirementAdded(id, REQ_B, "Report on letter quality", List.of("Report delivered"),
                "Document review", StatedBy.CONSULTANT, false));
        s.add(4, "2026-01-13T09:00:00Z", STAFF, new RequirementAdded(id, REQ_C, "Fewer appeals caused by unclear letters",
                List.of("Appeals citing unclear reasons halved"), "Appeals statistics", StatedBy.AGENCY_UNIT, false));
        s.add(5, "2026-01-14T09:00:00Z", STAFF, new CapabilityTargetDefined(id, CAP_1, " matching-model MAINTENANCE ", "Benefits team", 1, 4));
        s.add(6, "2026-02-02T17:00:00Z", CONSULTANT, time(id, "cost-1", "2026-02-02", "40.00", "150.00", "6000.00", CostCategory.DELIVERY, REQ_A));
        s.add(7, "2026-02-28T09:00:00Z", CONSULTANT, new InvoiceRegistered(id, INV_7, day("2026-02-28"), eur("6000.00"), List.of(REQ_A), false));
        s.add(8, "2026-03-05T09:00:00Z", BUYER_OFFICIAL, new InvoiceAccepted(id, INV_7, eur("6000.00")));
        s.add(9, "2026-03-10T09:00:00Z", STAFF, new ConflictOfInterestDeclared(id, DeclarationId.of("coi-1"), "Senior consultant B",
                ConflictNature.ACTUAL, "Spouse heads the unit that receives the letters", "Reassigned to another assignment",
                DeclarationTiming.DISCOVERED_LATER));
        s.add(10, "2026-03-15T09:00:00Z", BUYER_OFFICIAL, new CeilingAmended(id, AmendmentId.of("amendment-1"), eur("50000.00"),
                eur("65000.00"), "More letter types than expected", "Head of Benefits"));
        s.add(11, "2026-04-01T09:00:00Z", STAFF, new FeedbackReceived(id, FB_1, FeedbackSource.CITIZEN_PANEL,
                "The new letters still do not say how to appeal", null, DataSubjectId.of("subject-panel-3"), null, null));
        s.add(12, "2026-06-20T09:00:00Z", STAFF, new CapabilityAssessed(id, CAP_1, 2, "The team needs help for every change"));
        s.add(13, "2026-07-04T09:00:00Z", CONSULTANT, time(id, "cost-2", "2026-07-03", "8.00", "150.00", "1200.00", CostCategory.DELIVERY, null));
        s.add(14, "2026-07-10T09:00:00Z", BUYER_OFFICIAL, new EngagementCompleted(id,
                new Evaluation("Letters rewritten; appeals not yet measured", "None measured yet", eur("0.00"), "Late and over budget", false,
                        "State outcomes with criteria before hiring"),
                List.of(new CapabilityAchievement(CAP_1, " matching-model MAINTENANCE ", "Benefits team", 1, 4, 2, false)), eur("7200.00")));
        return s;
    }

    /** A minimal active engagement of {@code id}: commissioned (ceiling 100000.00 EUR, period 2026) and activated. */
    static Scenario minimal(EngagementId id, Party supplier) {
        Scenario s = new Scenario(id);
        s.add(0, "2026-01-05T09:00:00Z", BUYER_OFFICIAL, commissioned(id, "Minimal engagement", supplier, false, null, "90000.00", "100000.00",
                Period.of("2026-01-01", "2026-12-31"), List.of("Residents")));
        s.add(1, "2026-01-10T09:00:00Z", BUYER_OFFICIAL, new EngagementActivated(id, day("2026-01-10")));
        return s;
    }

    static EngagementCommissioned commissioned(EngagementId id, String title, Party supplier, boolean coreWork, String justification,
                                               String inHouseCost, String ceiling, Period period, List<String> groups) {
        return new EngagementCommissioned(id, BUYER, "Employment Services", supplier, title, "Problem of " + title,
                "Half of young job seekers matched within six weeks", ConsultantReason.SPECIALISED_SKILLS, coreWork, justification,
                new InHouseAlternative("Second two analysts from the statistics unit for a year", eur(inHouseCost)), groups, eur(ceiling),
                period, "ocds-nv0001-" + id.value());
    }

    static TimeLogged time(EngagementId id, String costLine, String date, String hours, String rate, String amount, CostCategory category,
                           RequirementId requirement) {
        return new TimeLogged(id, CostLineId.of(costLine), "Senior consultant A", "Data scientist", day(date), new BigDecimal(hours),
                eur(rate), eur(amount), category, requirement, "Work on " + (requirement == null ? "capability" : requirement.value()));
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /** A history under construction: Axon messages with explicit sequence numbers, timestamps and actors. */
    static final class Scenario {
        private final EngagementId id;
        private final List<DomainEventMessage<?>> messages = new ArrayList<>();

        Scenario(EngagementId id) {
            this.id = id;
        }

        /** Appends an event; {@code sequence} must be the next one, so that scenarios read as numbered lists. */
        Scenario add(long sequence, String instant, Actor actor, EngagementEvent event) {
            if (sequence != messages.size()) {
                throw new IllegalArgumentException("next sequence is " + messages.size() + ", not " + sequence);
            }
            messages.add(message(id, sequence, instant, actor == null ? Map.of() : ActorMetaData.of(actor), event));
            return this;
        }

        /** Appends the next event under a raw metadata map (to store what the ledger would never write). */
        Scenario addWithMetaData(String instant, Map<String, ?> metaData, EngagementEvent event) {
            messages.add(message(id, messages.size(), instant, metaData, event));
            return this;
        }

        long next() {
            return messages.size();
        }

        List<DomainEventMessage<?>> messages() {
            return List.copyOf(messages);
        }

        EngagementHistory history() {
            return EngagementHistory.of(messages);
        }

        EngagementState state() {
            return history().state();
        }
    }

    static DomainEventMessage<?> message(EngagementId id, long sequence, String instant, Map<String, ?> metaData, EngagementEvent event) {
        return new GenericDomainEventMessage<>("Engagement", id.value(), sequence, event, metaData,
                id.value() + "-" + sequence, Instant.parse(instant));
    }
}
