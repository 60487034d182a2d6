package org.engagementledger.sample.scenario;

import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.CapabilityTargetId;
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

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.engagementledger.sample.scenario.Cast.AUDITOR;
import static org.engagementledger.sample.scenario.Cast.EASTMOOR;
import static org.engagementledger.sample.scenario.Cast.EASTMOOR_BUYER;
import static org.engagementledger.sample.scenario.Cast.EASTMOOR_STAFF;
import static org.engagementledger.sample.scenario.Cast.MERIDIAN;
import static org.engagementledger.sample.scenario.Cast.MERIDIAN_CONSULTANT;
import static org.engagementledger.sample.scenario.Script.eur;
import static org.engagementledger.sample.scenario.Script.weekday;

/**
 * The troubled pair: the Region of Eastmoor bought a caseload forecasting model from Meridian Advisory in
 * 2023 without the capability reaching its analytics unit (EM-2023-112), and in 2026 engaged Meridian again
 * for the same capability (EM-2026-031). The second engagement has vague, mostly supplier-written
 * requirements, no costed in-house alternative, amendments worth 90 % of the original ceiling, invoices
 * accepted without accepted deliverables, an actual conflict of interest found after the award, frontline
 * feedback never answered, and a capability target unmet at close: the red flags have something to find.
 */
final class EastmoorForecasting {

    static final EngagementId FIRST = EngagementId.of("EM-2023-112");
    static final EngagementId REPEAT = EngagementId.of("EM-2026-031");

    static final String CAPABILITY = "Caseload forecasting";
    static final String TEAM = "Regional analytics unit";
    static final String CLAIMANTS = "Benefit claimants awaiting a decision";

    private EastmoorForecasting() {
    }

    /** EM-2023-112: delivered, but the analytics unit could not retrain the model at the end. */
    static void recordFirst(Script s) {
        EngagementId id = s.id();
        RequirementId forecast = RequirementId.of("REQ-FORECAST");
        CapabilityTargetId target = CapabilityTargetId.of("CAP-FORECASTING");
        s.send(EASTMOOR_BUYER, new CommissionEngagement(id, EASTMOOR, "Benefits Office", MERIDIAN,
                "Caseload forecasting model for the benefits office",
                "Staffing plans miss the seasonal peaks in benefit claims; every January queues reach eight weeks",
                "Monthly caseload forecasts within 10 % error, produced by the regional analytics unit",
                ConsultantReason.SKILLS_NOT_AVAILABLE_IN_HOUSE, false, null,
                new InHouseAlternative("Train two statisticians in time-series forecasting", eur("42000")),
                List.of(CLAIMANTS), eur("35000"), Period.of("2023-09-01", "2024-06-30"), "ocds-em0002-2023-112"));
        s.send(EASTMOOR_STAFF, new RecordRightsHolderImpact(id, CLAIMANTS, List.of("Right to social security"),
                "None directly: the model uses aggregate claim counts only", NonDiscriminationAssessment.NO_RISK_FOUND,
                "No individual decisions are taken from the forecasts", "Regional complaints office", List.of()));
        s.send(EASTMOOR_STAFF, new AddRequirement(id, forecast, "A monthly caseload forecast for the next twelve months",
                List.of("Back-test error under 10 % for 2021-2023", "The analytics unit produces the forecast every month"),
                "Back-test and three monthly runs", StatedBy.AGENCY_UNIT));
        s.send(EASTMOOR_STAFF, new DefineCapabilityTarget(id, target, CAPABILITY, TEAM, 1, 3));
        s.send(EASTMOOR_BUYER, new ActivateEngagement(id, LocalDate.parse("2023-09-11")));
        for (YearMonth month = YearMonth.of(2023, 9); !month.isAfter(YearMonth.of(2024, 5)); month = month.plusMonths(1)) {
            s.logTime(MERIDIAN_CONSULTANT, "Consultant C", "Forecasting specialist", weekday(month, 2, TUESDAY), "8", "160",
                    CostCategory.DELIVERY, forecast, "Forecasting model");
            s.logTime(MERIDIAN_CONSULTANT, "Consultant C", "Forecasting specialist", weekday(month, 3, THURSDAY), "8", "160",
                    CostCategory.DELIVERY, forecast, "Forecasting model");
        }
        s.send(MERIDIAN_CONSULTANT, new RecordTransferActivity(id, target, TransferActivityKind.WORKSHOP, LocalDate.parse("2024-05-22"),
                new BigDecimal("3"), 4, "Handover workshop on running the model"));
        s.send(MERIDIAN_CONSULTANT, new SubmitFulfilment(id, forecast, "Model delivered; back-test error 8 %"));
        s.send(EASTMOOR_STAFF, new AcceptFulfilment(id, forecast, "Back-test verified; the monthly runs are still done by Meridian"));
        s.send(MERIDIAN_CONSULTANT, new RegisterInvoice(id, InvoiceId.of("INV-EM-2024-01"), LocalDate.parse("2024-05-31"),
                eur("23040"), List.of(forecast)));
        s.send(EASTMOOR_BUYER, new AcceptInvoice(id, InvoiceId.of("INV-EM-2024-01")));
        s.send(EASTMOOR_STAFF, new AssessCapability(id, target, 2, "The unit runs the model from Meridian's script but cannot retrain it"));
        s.send(EASTMOOR_BUYER, new CompleteEngagement(id, new Evaluation(
                "Forecasts within 8 % error while Meridian produced them",
                "January staffing was planned from a forecast for the first time", eur("0"),
                "Good model; the handover was left to the last month", false,
                "Plan knowledge transfer from the start and assess it before paying the final invoice")));
    }

    /** EM-2026-031: the same supplier again, for the same capability, and everything the red flags look for. */
    static void recordRepeat(Script s) {
        EngagementId id = s.id();
        RequirementId rebuild = RequirementId.of("REQ-REBUILD");
        RequirementId dashboard = RequirementId.of("REQ-DASHBOARD");
        RequirementId retrain = RequirementId.of("REQ-RETRAIN");
        CapabilityTargetId target = CapabilityTargetId.of("CAP-FORECASTING-2026");
        MilestoneId live = MilestoneId.of("MS-FORECASTS-LIVE");
        s.send(EASTMOOR_BUYER, new CommissionEngagement(id, EASTMOOR, "Benefits Office", MERIDIAN,
                "Caseload forecasting: model rebuild and support",
                "The 2024 forecasting model stopped running after the case-system upgrade and nobody in-house can retrain it",
                "Forecasts available again",
                ConsultantReason.SPECIALISED_SKILLS, true, "Budget planning for 2027 depends on the forecasts",
                new InHouseAlternative("Not costed: no in-house option was considered", eur("0")),
                List.of(CLAIMANTS), eur("40000"), Period.of("2026-01-12", "2026-10-30"), "ocds-em0002-2026-031"));
        s.send(MERIDIAN_CONSULTANT, new AddRequirement(id, rebuild, "Rebuild the forecasting pipeline on the new case system",
                List.of(), "Supplier demonstration", StatedBy.CONSULTANT));
        s.send(MERIDIAN_CONSULTANT, new AddRequirement(id, dashboard, "A forecast dashboard for managers",
                List.of("The dashboard shows a twelve-month forecast"), "Supplier demonstration", StatedBy.CONSULTANT));
        s.send(EASTMOOR_STAFF, new AddRequirement(id, retrain, "The analytics unit retrains the model without the supplier",
                List.of("The unit retrains the model unaided before October 2026"), "Observed retraining", StatedBy.AGENCY_UNIT));
        s.send(EASTMOOR_STAFF, new DefineCapabilityTarget(id, target, CAPABILITY, TEAM, 1, 3));
        s.send(EASTMOOR_BUYER, new ScheduleMilestone(id, live, "Forecasts live again", LocalDate.parse("2026-04-30")));
        s.send(EASTMOOR_BUYER, new ActivateEngagement(id, LocalDate.parse("2026-01-26")));

        for (YearMonth month = YearMonth.of(2026, 2); !month.isAfter(YearMonth.of(2026, 10)); month = month.plusMonths(1)) {
            int m = month.getMonthValue();
            s.logTime(MERIDIAN_CONSULTANT, "Consultant D", "Data engineer", weekday(month, 1, TUESDAY), "8", "150",
                    CostCategory.DELIVERY, rebuild, "Pipeline rebuild");
            s.logTime(MERIDIAN_CONSULTANT, "Consultant D", "Data engineer", weekday(month, 2, WEDNESDAY), "8", "150",
                    CostCategory.DELIVERY, rebuild, "Data migration from the upgraded case system");
            s.logTime(MERIDIAN_CONSULTANT, "Consultant D", "Data engineer", weekday(month, 3, THURSDAY), "8", "150",
                    CostCategory.DELIVERY, rebuild, "Pipeline rebuild");
            if (m <= 5) {
                s.logTime(MERIDIAN_CONSULTANT, "Engagement partner", "Engagement partner", weekday(month, 2, MONDAY), "6", "210",
                        CostCategory.ADMINISTRATION, null, "Client meetings");
            } else {
                s.logTime(MERIDIAN_CONSULTANT, "Consultant E", "Senior consultant", weekday(month, 2, MONDAY), "6", "180",
                        CostCategory.ADMINISTRATION, null, "Client meetings");
            }
            if (m >= 7) {
                s.logTime(MERIDIAN_CONSULTANT, "Consultant D", "Data engineer", weekday(month, 4, TUESDAY), "8", "150",
                        CostCategory.DELIVERY, dashboard, "Dashboard");
                s.logTime(MERIDIAN_CONSULTANT, "Consultant D", "Data engineer", weekday(month, 4, THURSDAY), "8", "150",
                        CostCategory.DELIVERY, dashboard, "Dashboard");
            }
            if (m <= 7) {
                s.send(MERIDIAN_CONSULTANT, new RecordExpense(id, weekday(month, 2, MONDAY), eur("450"), CostCategory.DELIVERY,
                        "Travel to the regional office"));
            }
            switch (m) {
                case 4 -> {
                    s.send(EASTMOOR_BUYER, new AmendCeiling(id, eur("58000"),
                            "Data migration from the upgraded case system is harder than expected", "Engagement partner, Meridian Advisory"));
                    s.send(MERIDIAN_CONSULTANT, new RegisterInvoice(id, InvoiceId.of("INV-EM-2026-01"), LocalDate.parse("2026-04-30"),
                            eur("14000"), List.of(rebuild)));
                    s.send(EASTMOOR_BUYER, new AcceptInvoice(id, InvoiceId.of("INV-EM-2026-01")));
                }
                case 5 -> {
                    s.send(EASTMOOR_STAFF, new DeclareConflictOfInterest(id, "Engagement partner, Meridian Advisory", ConflictNature.ACTUAL,
                            "The engagement partner led the region's analytics unit until 2025 and recommended the direct award to Meridian",
                            "The partner left the engagement at the end of May; a procurement review was opened",
                            DeclarationTiming.DISCOVERED_LATER));
                    s.send(EASTMOOR_STAFF, new RecordMilestoneOutcome(id, live, MilestoneStatus.NOT_MET, null,
                            "Forecasts not live: the data migration is unfinished"));
                }
                case 8 -> {
                    s.send(EASTMOOR_BUYER, new AmendCeiling(id, eur("76000"),
                            "Add the managers' dashboard suggested by the supplier", "Engagement partner, Meridian Advisory"));
                    s.send(MERIDIAN_CONSULTANT, new RegisterInvoice(id, InvoiceId.of("INV-EM-2026-02"), LocalDate.parse("2026-08-31"),
                            eur("24000"), List.of(dashboard)));
                    s.send(EASTMOOR_BUYER, new AcceptInvoice(id, InvoiceId.of("INV-EM-2026-02")));
                }
                case 9 -> {
                    s.send(EASTMOOR_STAFF, new RecordFeedback(id, FeedbackId.of("FB-COUNTER"), FeedbackSource.FRONTLINE_STAFF,
                            "Benefit officers at the counters see claim numbers rising that the new forecasts do not show", rebuild,
                            DataSubjectId.of("benefit-officer-eastmoor-03"), null, null));
                    s.send(MERIDIAN_CONSULTANT, new SubmitFulfilment(id, rebuild, "Pipeline runs again on the new case system"));
                    s.send(EASTMOOR_STAFF, new AcceptFulfilment(id, rebuild, "Forecasts produced again (by Meridian)"));
                }
                default -> {
                }
            }
        }
        s.send(MERIDIAN_CONSULTANT, new RecordTransferActivity(id, target, TransferActivityKind.DOCUMENTATION, LocalDate.parse("2026-10-27"),
                new BigDecimal("2"), 2, "Handover notes"));
        s.send(EASTMOOR_STAFF, new AssessCapability(id, target, 1, "The unit cannot yet run the rebuilt pipeline"));
        s.send(MERIDIAN_CONSULTANT, new RegisterInvoice(id, InvoiceId.of("INV-EM-2026-03"), LocalDate.parse("2026-10-30"),
                eur("17140"), List.of(rebuild, dashboard)));
        s.send(EASTMOOR_BUYER, new AcceptInvoice(id, InvoiceId.of("INV-EM-2026-03")));
        s.send(EASTMOOR_BUYER, new CompleteEngagement(id, new Evaluation(
                "Forecasts run again from September, produced by Meridian; their error has not been measured",
                "2027 budget planning has a forecast", eur("0"),
                "Late and over budget; the dashboard was invoiced but never accepted", false,
                "Meridian was engaged twice for the same capability and the analytics unit still cannot do the work alone")));
        s.send(AUDITOR, new AddAuditorNote(id, "Referred to the regional audit committee: repeat engagement for the same capability, "
                + "ceiling amendments of 90 % and invoices accepted without accepted deliverables"));
    }
}
