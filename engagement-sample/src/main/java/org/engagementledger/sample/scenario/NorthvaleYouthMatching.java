package org.engagementledger.sample.scenario;

import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.MilestoneId;
import org.engagementledger.api.Period;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.engagementledger.sample.scenario.Cast.BRIGHTPATH;
import static org.engagementledger.sample.scenario.Cast.BRIGHTPATH_CONSULTANT;
import static org.engagementledger.sample.scenario.Cast.NORTHVALE;
import static org.engagementledger.sample.scenario.Cast.NORTHVALE_BUYER;
import static org.engagementledger.sample.scenario.Cast.NORTHVALE_STAFF;
import static org.engagementledger.sample.scenario.Script.eur;
import static org.engagementledger.sample.scenario.Script.weekday;

/**
 * The well-run engagement: the Municipality of Northvale commissions BrightPath Consulting to redesign how
 * young unemployed people are matched with work (February to November 2026, ceiling 48,000 EUR, amended
 * once to 54,000 EUR). Requirements come from the agency, its caseworkers and a citizen panel; the
 * municipal analytics team and the caseworkers are the capability-transfer targets; one fulfilment is
 * rejected before it is accepted, one invoice is disputed before it is accepted, a conflict of interest is
 * discovered in July and mitigated, frontline feedback changes the pilot, and the evaluation records the
 * costs avoided. An over-ceiling time entry (a typo in the rate) is refused on the way.
 */
final class NorthvaleYouthMatching {

    static final EngagementId ID = EngagementId.of("NV-2026-014");

    static final RequirementId RANKING = RequirementId.of("REQ-RANKING");
    static final RequirementId OVERRIDE = RequirementId.of("REQ-OVERRIDE");
    static final RequirementId PLAIN_LANGUAGE = RequirementId.of("REQ-PLAIN-LANGUAGE");
    static final RequirementId HANDOVER = RequirementId.of("REQ-HANDOVER");
    static final CapabilityTargetId MODEL_OPERATION = CapabilityTargetId.of("CAP-MODEL-OPERATION");
    static final CapabilityTargetId EXPLAINING = CapabilityTargetId.of("CAP-EXPLAINING-RANKINGS");
    static final MilestoneId PILOT = MilestoneId.of("MS-PILOT");
    static final MilestoneId HANDOVER_MILESTONE = MilestoneId.of("MS-HANDOVER");
    static final FeedbackId PANEL_JARGON = FeedbackId.of("FB-PANEL-JARGON");
    static final FeedbackId PART_TIME = FeedbackId.of("FB-PART-TIME");
    static final FeedbackId NO_CAR = FeedbackId.of("FB-NO-CAR");
    /** The citizen panel, as one pseudonymous data subject: its members' words are erased together. */
    static final DataSubjectId CITIZEN_PANEL = DataSubjectId.of("citizen-panel-northvale");
    /** The caseworker who reported the part-time gap (pseudonym). */
    static final DataSubjectId CASEWORKER = DataSubjectId.of("caseworker-northvale-07");
    /** A fictional young job seeker who gave feedback with name and contact: erasable with {@code erase --subject citizen-0042}. */
    static final DataSubjectId CITIZEN = DataSubjectId.of("citizen-0042");

    private NorthvaleYouthMatching() {
    }

    static void record(Script s) {
        EngagementId id = s.id();
        s.send(NORTHVALE_BUYER, new CommissionEngagement(id, NORTHVALE, "Employment Services", BRIGHTPATH,
                "Redesign how young unemployed people are matched with work",
                "Young job seekers aged 16-24 wait on average 14 weeks for a first suitable vacancy; caseworkers search "
                        + "vacancies by hand and cannot explain why one is suggested",
                "Half of young job seekers matched within six weeks, with rankings caseworkers can explain and the "
                        + "municipal analytics team able to run and retrain the model without the supplier",
                ConsultantReason.SPECIALISED_SKILLS, false, null,
                new InHouseAlternative("Recruit two data analysts on one-year contracts and train them in matching models",
                        eur("96000")),
                List.of("Young unemployed people aged 16-24", "Young people with disabilities seeking work",
                        "Employers offering entry-level jobs"),
                eur("48000"), Period.of("2026-02-01", "2026-11-30"), "ocds-nv0001-2026-014"));
        s.send(NORTHVALE_STAFF, new RecordRightsHolderImpact(id, "Young unemployed people aged 16-24",
                List.of("Right to work", "Right to equal treatment", "Right to privacy"),
                "Citizen panel of twelve young job seekers, four sessions from March to September 2026",
                NonDiscriminationAssessment.RISK_MITIGATED,
                "Rankings tested for disparate impact by gender, disability and neighbourhood; two postcode features removed",
                "Caseworker review of any ranking on request; complaints to the municipal ombudsman",
                List.of(new Participant(DataSubjectId.of("panel-member-nv-01"), null, null, "Attended all four sessions; tested the explanations"),
                        new Participant(DataSubjectId.of("panel-member-nv-02"), null, null, "Joined from session two; asked for travel-time ranking"))));
        s.send(NORTHVALE_STAFF, new RecordRightsHolderImpact(id, "Young people with disabilities seeking work",
                List.of("Right to work", "Right to reasonable accommodation"),
                "Interviews through the regional disability council in March 2026; accessibility test in August",
                NonDiscriminationAssessment.RISK_MITIGATED,
                "Screen-reader test of the explanations; adjusted-hours vacancies kept in every ranking",
                "Caseworker review on request; disability council liaison", List.of()));

        s.send(NORTHVALE_BUYER, new AddRequirement(id, RANKING,
                "Caseworkers get a ranked list of suitable vacancies for every young job seeker",
                List.of("A ranking is available for 95 % of new registrations within one working day",
                        "Every ranking shows its three main reasons in plain language"),
                "Pilot in two job centres, measured over six weeks", StatedBy.AGENCY_UNIT));
        s.send(NORTHVALE_STAFF, new AddRequirement(id, OVERRIDE,
                "Caseworkers can override a ranking and record why",
                List.of("An override takes under one minute", "Overrides feed the monthly model review"),
                "Usability test with ten caseworkers", StatedBy.FRONTLINE_STAFF));
        s.send(NORTHVALE_STAFF, new AddRequirement(id, PLAIN_LANGUAGE,
                "Young job seekers can see why a vacancy was suggested to them",
                List.of("Explanations read at a plain-language level (age 14)", "The citizen panel approves the wording",
                        "Explanations work with a screen reader"),
                "Citizen panel review and accessibility test", StatedBy.RIGHTS_HOLDER));
        s.send(NORTHVALE_BUYER, new AddRequirement(id, HANDOVER,
                "The municipal analytics team runs and retrains the matching model without the supplier",
                List.of("The team retrains the model twice without help", "The municipal IT department has reviewed the runbook"),
                "Observed retraining in October 2026", StatedBy.AGENCY_UNIT));
        s.send(NORTHVALE_STAFF, new DefineCapabilityTarget(id, MODEL_OPERATION, "Matching model operation and retraining",
                "Municipal analytics team", 1, 4));
        s.send(NORTHVALE_STAFF, new DefineCapabilityTarget(id, EXPLAINING, "Explaining rankings to job seekers",
                "Youth employment caseworkers", 2, 4));
        s.send(NORTHVALE_BUYER, new ScheduleMilestone(id, PILOT, "Pilot live in two job centres", LocalDate.parse("2026-05-29")));
        s.send(NORTHVALE_BUYER, new ScheduleMilestone(id, HANDOVER_MILESTONE, "Model handed over to the municipal analytics team",
                LocalDate.parse("2026-10-30")));
        s.send(NORTHVALE_BUYER, new ActivateEngagement(id, LocalDate.parse("2026-02-09")));

        // February
        month(s, YearMonth.of(2026, 2));
        s.expectRefusal(BRIGHTPATH_CONSULTANT, new LogTime(id, "Consultant A", "Senior data scientist", LocalDate.parse("2026-02-27"),
                new BigDecimal("8"), eur("14500"), CostCategory.DELIVERY, RANKING, "Typo in the rate: 14500 instead of 145"));

        // March
        month(s, YearMonth.of(2026, 3));
        s.send(BRIGHTPATH_CONSULTANT, new RecordExpense(id, LocalDate.parse("2026-03-18"), eur("380"), CostCategory.DELIVERY,
                "Citizen panel session 1: venue, travel cards and refreshments"));
        s.send(NORTHVALE_STAFF, new RecordFeedback(id, PANEL_JARGON, FeedbackSource.CITIZEN_PANEL,
                "The draft explanations use jargon such as 'distance to the labour market' that panel members did not understand",
                PLAIN_LANGUAGE, CITIZEN_PANEL, null, null));

        // April
        month(s, YearMonth.of(2026, 4));
        s.send(BRIGHTPATH_CONSULTANT, new RecordExpense(id, LocalDate.parse("2026-04-08"), eur("640"), CostCategory.CAPABILITY_TRANSFER,
                "Workshop materials and room hire for the analytics team"));
        s.send(BRIGHTPATH_CONSULTANT, new RecordTransferActivity(id, MODEL_OPERATION, TransferActivityKind.WORKSHOP,
                LocalDate.parse("2026-04-08"), new BigDecimal("6"), 5, "Walk-through of the matching model, its data and its features"));
        s.send(NORTHVALE_STAFF, new RespondToFeedback(id, PANEL_JARGON,
                "Explanations rewritten with the panel; a list of banned jargon added to the style guide",
                "Every release of the explanations is reviewed by the citizen panel before it goes live"));

        // May
        month(s, YearMonth.of(2026, 5));
        s.send(BRIGHTPATH_CONSULTANT, new RecordExpense(id, LocalDate.parse("2026-05-13"), eur("380"), CostCategory.DELIVERY,
                "Citizen panel session 2: venue, travel cards and refreshments"));
        s.send(BRIGHTPATH_CONSULTANT, new SubmitFulfilment(id, OVERRIDE, "Override screen in the test environment; usability test report"));
        s.send(NORTHVALE_STAFF, new RejectFulfilment(id, OVERRIDE,
                "In the usability test an override took three minutes on average; the criterion is under one minute"));
        s.send(NORTHVALE_STAFF, new RecordFeedback(id, PART_TIME, FeedbackSource.FRONTLINE_STAFF,
                "Rankings ignore the part-time availability that many young parents state at registration", RANKING, CASEWORKER, null, null));
        s.send(NORTHVALE_STAFF, new RecordFeedback(id, NO_CAR, FeedbackSource.RIGHTS_HOLDER,
                "Alex Example (19) says the ranked list never showed jobs reachable without a car", RANKING, CITIZEN, "Alex Example",
                "alex.example@example.org"));
        s.send(NORTHVALE_BUYER, new RecordDecision(id, "Extend the pilot by two weeks",
                "Frontline feedback showed that part-time availability was missing; going live without it would disadvantage young parents",
                LocalDate.parse("2026-05-20")));
        s.send(BRIGHTPATH_CONSULTANT, new SubmitFulfilment(id, OVERRIDE, "Redesigned override: 40 seconds on average in a second test with ten caseworkers"));
        s.send(NORTHVALE_STAFF, new AcceptFulfilment(id, OVERRIDE, "Both criteria met in the second usability test"));

        // June
        month(s, YearMonth.of(2026, 6));
        s.send(NORTHVALE_STAFF, new RespondToFeedback(id, PART_TIME, "Part-time availability is part of the ranking from release 2",
                "Pilot extended by two weeks (decision of 20 May)"));
        s.send(NORTHVALE_STAFF, new RespondToFeedback(id, NO_CAR, "Travel time by public transport is part of the ranking from release 2",
                null));
        s.send(BRIGHTPATH_CONSULTANT, new SubmitFulfilment(id, RANKING,
                "Pilot report: rankings for 97 % of new registrations within one working day, each with three reasons"));
        s.send(NORTHVALE_STAFF, new AcceptFulfilment(id, RANKING, "Pilot figures checked against the case system; both criteria met"));
        s.send(NORTHVALE_STAFF, new RecordMilestoneOutcome(id, PILOT, MilestoneStatus.MET, LocalDate.parse("2026-06-12"),
                "Met two weeks after the due date, as decided on 20 May"));
        s.send(BRIGHTPATH_CONSULTANT, new RecordTransferActivity(id, MODEL_OPERATION, TransferActivityKind.PAIRING,
                LocalDate.parse("2026-06-24"), new BigDecimal("7.5"), 2, "Pairing on the weekly data refresh"));
        s.send(NORTHVALE_STAFF, new AssessCapability(id, MODEL_OPERATION, 2, "Team ran the weekly refresh with the consultant watching"));
        s.send(NORTHVALE_BUYER, new AmendCeiling(id, eur("54000"),
                "The citizen panel asked for two more sessions and the pilot showed an accessibility test was needed",
                "Caseworker team lead, Employment Services"));
        s.send(BRIGHTPATH_CONSULTANT, new RegisterInvoice(id, InvoiceId.of("INV-NV-2026-01"), LocalDate.parse("2026-06-15"),
                eur("21000"), List.of(RANKING)));
        s.send(NORTHVALE_BUYER, new AcceptInvoice(id, InvoiceId.of("INV-NV-2026-01")));

        // July
        month(s, YearMonth.of(2026, 7));
        s.send(BRIGHTPATH_CONSULTANT, new RecordExpense(id, LocalDate.parse("2026-07-15"), eur("380"), CostCategory.DELIVERY,
                "Citizen panel session 3: venue, travel cards and refreshments"));
        s.send(BRIGHTPATH_CONSULTANT, new DeclareConflictOfInterest(id, "Consultant B, service designer, BrightPath Consulting",
                ConflictNature.POTENTIAL,
                "Consultant B's partner was appointed team leader in Employment Services in June and takes part in accepting deliverables",
                "The deputy head of Employment Services accepts BrightPath's deliverables from July; the team leader is excluded",
                DeclarationTiming.DISCOVERED_LATER));
        s.send(NORTHVALE_BUYER, new RecordDecision(id, "Move acceptance of deliverables to the deputy head of Employment Services",
                "A potential conflict of interest was declared on 6 July; acceptance must be independent of it", LocalDate.parse("2026-07-08")));
        s.send(BRIGHTPATH_CONSULTANT, new RecordTransferActivity(id, EXPLAINING, TransferActivityKind.TRAINING,
                LocalDate.parse("2026-07-21"), new BigDecimal("4"), 14, "Training: explaining a ranking and an override to a job seeker"));
        s.send(NORTHVALE_STAFF, new AssessCapability(id, EXPLAINING, 3, "Observed twelve job-seeker meetings; explanations mostly clear"));

        // August
        month(s, YearMonth.of(2026, 8));
        for (int week = 2; week <= 4; week++) {
            s.logTime(BRIGHTPATH_CONSULTANT, "Consultant B", "Service designer", weekday(YearMonth.of(2026, 8), week, THURSDAY), "7.5", "125",
                    CostCategory.DELIVERY, PLAIN_LANGUAGE, "Accessibility test with screen-reader users");
        }

        // September
        month(s, YearMonth.of(2026, 9));
        s.send(BRIGHTPATH_CONSULTANT, new RecordExpense(id, LocalDate.parse("2026-09-16"), eur("380"), CostCategory.DELIVERY,
                "Citizen panel session 4: venue, travel cards and refreshments"));
        s.send(BRIGHTPATH_CONSULTANT, new SubmitFulfilment(id, PLAIN_LANGUAGE,
                "Explanations approved by the citizen panel on 16 September; accessibility test report"));
        s.send(NORTHVALE_STAFF, new AcceptFulfilment(id, PLAIN_LANGUAGE, "Panel approval and accessibility report checked"));
        s.send(BRIGHTPATH_CONSULTANT, new RecordTransferActivity(id, MODEL_OPERATION, TransferActivityKind.DOCUMENTATION,
                LocalDate.parse("2026-09-23"), new BigDecimal("6"), 3, "Runbook for refresh, monitoring and retraining"));
        s.send(BRIGHTPATH_CONSULTANT, new RegisterInvoice(id, InvoiceId.of("INV-NV-2026-02"), LocalDate.parse("2026-09-15"),
                eur("18000"), List.of(OVERRIDE, PLAIN_LANGUAGE)));
        s.send(NORTHVALE_BUYER, new DisputeInvoice(id, InvoiceId.of("INV-NV-2026-02"),
                "The July timesheets lack task descriptions for 22.5 hours"));

        // October
        month(s, YearMonth.of(2026, 10));
        s.send(NORTHVALE_BUYER, new AcceptInvoice(id, InvoiceId.of("INV-NV-2026-02")));
        s.send(NORTHVALE_STAFF, new RecordTransferActivity(id, MODEL_OPERATION, TransferActivityKind.QUESTIONS_AND_ANSWERS,
                LocalDate.parse("2026-10-14"), new BigDecimal("2"), 4, "Questions and answers after the first unaided retraining"));
        s.send(BRIGHTPATH_CONSULTANT, new SubmitFulfilment(id, HANDOVER,
                "The analytics team retrained the model on 6 and 20 October without BrightPath; runbook reviewed by municipal IT"));
        s.send(NORTHVALE_STAFF, new AcceptFulfilment(id, HANDOVER, "Both retrainings observed; IT review on file"));
        s.send(NORTHVALE_STAFF, new AssessCapability(id, MODEL_OPERATION, 4, "Two unaided retrainings; monitoring alerts handled by the team"));
        s.send(NORTHVALE_STAFF, new AssessCapability(id, EXPLAINING, 4, "Observed twenty meetings; job seekers could repeat the reasons"));
        s.send(NORTHVALE_STAFF, new RecordMilestoneOutcome(id, HANDOVER_MILESTONE, MilestoneStatus.MET, LocalDate.parse("2026-10-28"),
                "Handed over on time"));

        // November: final invoice and close
        s.send(BRIGHTPATH_CONSULTANT, new RegisterInvoice(id, InvoiceId.of("INV-NV-2026-03"), LocalDate.parse("2026-11-05"),
                eur("12015"), List.of(HANDOVER)));
        s.send(NORTHVALE_BUYER, new AcceptInvoice(id, InvoiceId.of("INV-NV-2026-03")));
        s.send(NORTHVALE_BUYER, new CompleteEngagement(id, new Evaluation(
                "In the pilot job centres the median wait for a first match fell from 14 to 7 weeks; 46 % were matched within six "
                        + "weeks against a target of 50 %",
                "Caseworkers save about three hours a week on vacancy searches; young job seekers see why a vacancy is suggested",
                eur("60000"),
                "Delivered the agreed scope; the pilot was two weeks late by decision; invoices were clear after one dispute",
                true,
                "Involve frontline staff and the citizen panel from the first week; budget panel sessions realistically; "
                        + "spread capability transfer over the engagement rather than leaving it to the end")));
    }

    /** A month's routine time entries: delivery by two consultants, monthly steering, and pairing from April. */
    private static void month(Script s, YearMonth month) {
        RequirementId dataScience = month.getMonthValue() <= 6 ? RANKING : HANDOVER;
        RequirementId design = month.getMonthValue() <= 5 ? OVERRIDE : month.getMonthValue() <= 9 ? PLAIN_LANGUAGE : null;
        s.logTime(BRIGHTPATH_CONSULTANT, "Engagement manager", "Engagement manager", weekday(month, 1, MONDAY).plusDays(
                month.getMonthValue() == 2 ? 7 : 0), "2", "110", CostCategory.ADMINISTRATION, null, "Monthly steering meeting");
        s.logTime(BRIGHTPATH_CONSULTANT, "Consultant A", "Senior data scientist", weekday(month, 2, TUESDAY), "7.5", "145",
                CostCategory.DELIVERY, dataScience, month.getMonthValue() <= 6 ? "Matching model design and pilot" : "Retraining pipeline");
        s.logTime(BRIGHTPATH_CONSULTANT, "Consultant A", "Senior data scientist", weekday(month, 3, THURSDAY), "7.5", "145",
                CostCategory.DELIVERY, dataScience, month.getMonthValue() <= 6 ? "Ranking features and evaluation" : "Monitoring and runbook");
        s.logTime(BRIGHTPATH_CONSULTANT, "Consultant B", "Service designer", weekday(month, 2, WEDNESDAY), "7.5", "125",
                CostCategory.DELIVERY, design, "Caseworker and job-seeker journeys");
        s.logTime(BRIGHTPATH_CONSULTANT, "Consultant B", "Service designer", weekday(month, 4, WEDNESDAY), "7.5", "125",
                CostCategory.DELIVERY, design, "Prototype iterations");
        if (month.getMonthValue() >= 4) {
            s.logTime(BRIGHTPATH_CONSULTANT, "Consultant A", "Senior data scientist", weekday(month, 4, FRIDAY), "7.5", "145",
                    CostCategory.CAPABILITY_TRANSFER, HANDOVER, "Pairing with the municipal analytics team");
        }
    }
}
