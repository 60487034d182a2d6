package org.engagementledger.audit;

import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.ConsultantReason;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.EngagementStatus;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.engagement.StatedBy;
import org.engagementledger.audit.AuditAnswer.Verdict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.engagementledger.audit.AuditScenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The twelve answers on the realistic engagement (each with its supporting sequence numbers, written out
 * by hand from {@link AuditScenarios#realistic()}), and the concerns the troubled engagement raises.
 */
class EngagementAuditTest {

    private static final EngagementAudit AUDIT = EngagementAudit.of(realistic().history());
    private static final EngagementAudit TROUBLED_AUDIT = EngagementAudit.of(troubled().history(),
            AuditInputs.none().withOtherEngagements(List.of(realistic().state())));

    @Test
    void theAuditAnswersTwelveQuestionsInOrderAboutTheWholeHistory() {
        assertEquals(REALISTIC, AUDIT.engagementId());
        assertEquals("Redesign youth job matching", AUDIT.title());
        assertEquals(BUYER, AUDIT.buyer());
        assertEquals(SUPPLIER, AUDIT.supplier());
        assertEquals(EngagementStatus.COMPLETED, AUDIT.status());
        assertEquals(30, AUDIT.eventCount());
        assertEquals(29, AUDIT.lastSequence());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), AUDIT.answers().stream().map(AuditAnswer::number).toList());
        assertEquals(List.of(AuditQuestion.values()), AUDIT.answers().stream().map(AuditAnswer::topic).toList());
        assertTrue(AUDIT.redFlags().isEmpty(), AUDIT.redFlags().toString());
        assertEquals(AuditQuestion.COST, AUDIT.answer(5).topic());
        assertThrows(IllegalArgumentException.class, () -> AUDIT.answer(13));
    }

    @Test
    void question1NamesTheReasonAndTheInHouseCostComparisonRecordedBeforeAward() {
        AuditAnswer answer = AUDIT.answer(AuditQuestion.WHY_A_CONSULTANT);

        assertEquals(Verdict.OK, answer.verdict());
        assertEquals(ConsultantReason.SPECIALISED_SKILLS, answer.facts().get("reason"));
        assertEquals(eur("140000.00"), answer.facts().get("inHouseEstimatedCost"));
        assertEquals(eur("100000.00"), answer.facts().get("originalCeiling"));
        assertEquals(true, answer.facts().get("costComparisonRecorded"));
        assertEquals(true, answer.facts().get("recordedBeforeAward"));
        assertEquals(BUYER_OFFICIAL, answer.facts().get("decidedBy"));
        assertEquals("The agency gave SPECIALISED_SKILLS as the reason for a consultant (#0, procurement-lead (AGENCY_BUYER,"
                + " municipality-northvale)). An in-house alternative ('Second two analysts from the statistics unit for a year') was costed"
                + " at 140000.00 EUR against a ceiling of 100000.00 EUR, recorded with the decision to commission, before the award (#5).",
                answer.answer());
        assertEquals(List.of(0L, 5L), answer.sequences());
    }

    @Test
    void question1IsAConcernWithoutACostedAlternative() {
        AuditAnswer answer = TROUBLED_AUDIT.answer(AuditQuestion.WHY_A_CONSULTANT);

        assertEquals(Verdict.CONCERN, answer.verdict());
        assertEquals(false, answer.facts().get("costComparisonRecorded"));
        assertTrue(answer.answer().endsWith("No cost of an in-house alternative was recorded (estimated cost 0.00 EUR)."), answer.answer());
        assertEquals(List.of(RedFlagCode.NO_IN_HOUSE_COST_COMPARISON), answer.redFlags());
    }

    @Test
    void question2SaysWhetherCoreWorkWasOutsourced() {
        AuditAnswer clean = AUDIT.answer(AuditQuestion.CORE_WORK);
        assertEquals(Verdict.OK, clean.verdict());
        assertEquals("No: the agency recorded that this is not its core work (#0).", clean.answer());
        assertEquals(List.of(0L), clean.sequences());

        AuditAnswer troubled = TROUBLED_AUDIT.answer(AuditQuestion.CORE_WORK);
        assertEquals(Verdict.CONCERN, troubled.verdict());
        assertEquals(true, troubled.facts().get("coreWork"));
        assertEquals("Statutory deadline; no staff available", troubled.facts().get("justification"));
        assertEquals(List.of(RedFlagCode.CORE_WORK_OUTSOURCED), troubled.redFlags());
    }

    @Test
    void question3ListsTheRequirementsWhoStatedAndChangedThemAndWhetherTheyAreOutcomes() {
        AuditAnswer answer = AUDIT.answer(AuditQuestion.REQUIREMENTS);

        assertEquals(Verdict.OK, answer.verdict());
        assertEquals(2, answer.facts().get("count"));
        assertEquals(2L, ((Map<?, ?>) answer.facts().get("byStatus")).get(RequirementStatus.ACCEPTED));
        assertEquals(1L, ((Map<?, ?>) answer.facts().get("byStatedBy")).get(StatedBy.AGENCY_UNIT));
        assertEquals(1L, ((Map<?, ?>) answer.facts().get("byStatedBy")).get(StatedBy.FRONTLINE_STAFF));
        assertEquals(List.of(REQ_1), answer.facts().get("revised"));
        assertEquals(List.of(REQ_1, REQ_2), answer.facts().get("withCriteriaAndVerificationMethod"));
        assertEquals(List.of(), answer.facts().get("withoutAcceptanceCriteria"));
        assertTrue(answer.answer().contains("REQ-1 v2 ACCEPTED, stated by AGENCY_UNIT (recorded by employment-caseworker), last changed by"
                + " employment-caseworker (#11: Frontline staff reported that travel time is ignored)"), answer.answer());
        assertEquals(List.of(1L, 2L, 11L), answer.sequences());
    }

    @Test
    void question3AnswersForAGivenDate() {
        EngagementAudit audit = EngagementAudit.of(realistic().history(), AuditInputs.none().withRequirementsAsOf(at("2026-02-01T00:00:00Z")));
        AuditAnswer answer = audit.answer(AuditQuestion.REQUIREMENTS);

        assertEquals(at("2026-02-01T00:00:00Z"), answer.facts().get("asOf"));
        assertEquals(List.of(), answer.facts().get("revised"));
        assertTrue(answer.answer().startsWith("On 2026-02-01T00:00:00Z there were 2 requirement(s) (2 OPEN), stated by 1 AGENCY_UNIT, 1 FRONTLINE_STAFF."),
                answer.answer());
        @SuppressWarnings("unchecked")
        List<EngagementState.Requirement> requirements = (List<EngagementState.Requirement>) answer.facts().get("requirements");
        assertEquals(1, requirements.get(0).version());
        assertEquals(List.of(1L, 2L), answer.sequences());
    }

    @Test
    void question3IsAConcernWhenRequirementsLackCriteriaOrComeFromTheConsultant() {
        AuditAnswer answer = TROUBLED_AUDIT.answer(AuditQuestion.REQUIREMENTS);

        assertEquals(Verdict.CONCERN, answer.verdict());
        assertEquals(List.of(REQ_A), answer.facts().get("withoutAcceptanceCriteria"));
        assertEquals(List.of(RedFlagCode.REQUIREMENT_WITHOUT_ACCEPTANCE_CRITERIA, RedFlagCode.REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT),
                answer.redFlags());
    }

    @Test
    void question4ListsAcceptedDeliverablesWithWhoAcceptedThemAndTheBackingOfEachInvoice() {
        AuditAnswer answer = AUDIT.answer(AuditQuestion.DELIVERABLES);

        assertEquals(Verdict.OK, answer.verdict());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> accepted = (List<Map<String, Object>>) answer.facts().get("requirementsAccepted");
        assertEquals(List.of(REQ_1, REQ_2), accepted.stream().map(a -> a.get("requirementId")).toList());
        assertEquals(STAFF, accepted.get(0).get("acceptedBy"));
        assertEquals(2, accepted.get(0).get("version"));
        assertEquals(3, ((List<?>) accepted.get(0).get("acceptanceCriteria")).size());
        assertEquals(List.of(), answer.facts().get("invoicesWithoutAcceptedDeliverable"));
        assertEquals("2 of 2 requirement(s) accepted: REQ-1 v2 by employment-caseworker against 3 criteria (#15); REQ-2 v1 by"
                + " employment-caseworker against 1 criterion (#25). 1 of 1 milestone(s) met: MS-1 MET on 2026-06-20, accepted by"
                + " employment-caseworker. 1 invoice(s) registered; each billed an accepted deliverable.", answer.answer());
        assertEquals(List.of(15L, 16L, 17L, 25L, 26L), answer.sequences());
    }

    @Test
    void question4FindsAnInvoicePaidWithoutAnAcceptedDeliverable() {
        AuditAnswer answer = TROUBLED_AUDIT.answer(AuditQuestion.DELIVERABLES);

        assertEquals(Verdict.CONCERN, answer.verdict());
        assertEquals(List.of(INV_7), answer.facts().get("paidWithoutAcceptedDeliverable"));
        assertTrue(answer.answer().endsWith("1 without an accepted deliverable (INV-7 6000.00 EUR, ACCEPTED), 1 accepted for payment."),
                answer.answer());
        assertEquals(List.of(7L, 8L), answer.sequences());
    }

    @Test
    void question5GivesTheCostAgainstTheCeilingAndWhatExplainsTheDifference() {
        AuditAnswer answer = AUDIT.answer(AuditQuestion.COST);

        assertEquals(Verdict.OK, answer.verdict());
        assertEquals(eur("2745.00"), answer.facts().get("committed"));
        assertEquals(eur("110000.00"), answer.facts().get("currentCeiling"));
        assertEquals(eur("107255.00"), answer.facts().get("unusedCeiling"));
        assertEquals(eur("1600.00"), answer.facts().get("acceptedForPayment"));
        assertEquals(eur("2265.00"), ((Map<?, ?>) answer.facts().get("byCategory")).get(CostCategory.DELIVERY));
        assertEquals(eur("480.00"), ((Map<?, ?>) answer.facts().get("byCategory")).get(CostCategory.CAPABILITY_TRANSFER));
        assertEquals(true, answer.facts().get("finalCostMatchesCostLines"));
        assertEquals("In the end 2745.00 EUR was committed against a ceiling of 110000.00 EUR (originally 100000.00 EUR): 107255.00 EUR unused."
                + " By category: DELIVERY 2265.00 EUR, CAPABILITY_TRANSFER 480.00 EUR, ADMINISTRATION 0.00 EUR. The difference to the original"
                + " ceiling is explained by 1 amendment(s) changing it by +10000.00 EUR (question 6): amendment-1 Second pilot office added at"
                + " the board's request. Invoiced 1600.00 EUR, accepted for payment 1600.00 EUR. The final cost recorded at the close (#28) is"
                + " 2745.00 EUR, matching the cost lines.", answer.answer());
        assertEquals(List.of(7L, 8L, 13L, 18L, 21L, 28L), answer.sequences());
    }

    @Test
    void question6CountsAmendmentsAndTheirValueAsAPercentOfTheOriginalCeiling() {
        AuditAnswer answer = AUDIT.answer(AuditQuestion.AMENDMENTS);

        assertEquals(Verdict.OK, answer.verdict());
        assertEquals(1, answer.facts().get("count"));
        assertEquals(eur("10000.00"), answer.facts().get("netChange"));
        assertEquals(new BigDecimal("10.00"), answer.facts().get("growthPercentOfOriginal"));
        assertEquals(List.of(18L), answer.sequences());
        assertTrue(answer.answer().contains("amendment-1 (#18) 100000.00 EUR -> 110000.00 EUR, requested by Head of Employment Services,"
                + " approved by procurement-lead"), answer.answer());

        AuditAnswer troubled = TROUBLED_AUDIT.answer(AuditQuestion.AMENDMENTS);
        assertEquals(Verdict.CONCERN, troubled.verdict());
        assertEquals(new BigDecimal("30.00"), troubled.facts().get("growthPercentOfOriginal"));
        assertEquals(List.of(RedFlagCode.AMENDMENT_GROWTH), troubled.redFlags());
    }

    @Test
    void question7ShowsCapabilityGainedOnWhatEvidenceAndWhetherTheAgencyCanGoOnAlone() {
        AuditAnswer answer = AUDIT.answer(AuditQuestion.CAPABILITY);

        assertEquals(Verdict.OK, answer.verdict());
        assertEquals(1L, answer.facts().get("targetsMet"));
        assertEquals(new BigDecimal("4.00"), answer.facts().get("transferHours"));
        assertEquals(eur("480.00"), answer.facts().get("capabilityTransferCost"));
        assertEquals(true, answer.facts().get("agencyCanContinueAlone"));
        assertEquals("CAP-1 Matching-model maintenance (Employment analytics team): level 1 -> target 3, assessed 3 by employment-caseworker (#27)"
                + " on the evidence 'The team retrained and deployed the model without help' (met); 1 transfer activity, 4.00 h. At completion"
                + " the agency recorded that it can continue without the supplier. No other engagements of the buyer were given to the audit,"
                + " so repeat engagements were not checked.", answer.answer());
        assertEquals(List.of(3L, 9L, 27L, 28L), answer.sequences());
    }

    @Test
    void question7FindsTheSameSupplierEngagedAgainForTheSameCapability() {
        AuditAnswer answer = TROUBLED_AUDIT.answer(AuditQuestion.CAPABILITY);

        assertEquals(Verdict.CONCERN, answer.verdict());
        assertEquals(false, answer.facts().get("agencyCanContinueAlone"));
        assertEquals(List.of(Map.of("capability", "matching-model MAINTENANCE", "engagements", List.of(REALISTIC))),
                answer.facts().get("repeatEngagements"));
        assertTrue(answer.answer().endsWith("The same supplier was engaged again for the same capability: 'matching-model MAINTENANCE' in"
                + " ENG-2026-010."), answer.answer());
        assertEquals(List.of(RedFlagCode.CAPABILITY_TARGET_UNMET_AT_CLOSE, RedFlagCode.REPEAT_ENGAGEMENT), answer.redFlags());
    }

    @Test
    void question7SaysWhenTheBuyersOtherEngagementsShowNoRepeat() {
        EngagementAudit audit = EngagementAudit.of(realistic().history(), AuditInputs.none()
                .withOtherEngagements(List.of(minimal(EngagementId.of("ENG-2026-099"), OTHER_SUPPLIER).state())));

        assertTrue(audit.answer(AuditQuestion.CAPABILITY).answer().endsWith("None of the buyer's 1 other engagement(s) given to the audit"
                + " engaged the same supplier for these capabilities."));
    }

    @Test
    void question8SaysWhenConflictsWereDeclaredAndHowTheyWereHandled() {
        AuditAnswer answer = AUDIT.answer(AuditQuestion.CONFLICTS_OF_INTEREST);
        assertEquals(Verdict.OK, answer.verdict());
        assertEquals(1, answer.facts().get("beforeAward"));
        assertEquals(0, answer.facts().get("afterAward"));
        assertEquals("1 conflict(s) of interest declared, 0 after the award: coi-1 (#4) PERCEIVED of Senior consultant A, BEFORE_AWARD: Former"
                + " employee of the vendor of the current matching system; handled by: Does not take part in assessing the vendor's system.",
                answer.answer());
        assertEquals(List.of(4L), answer.sequences());

        AuditAnswer troubled = TROUBLED_AUDIT.answer(AuditQuestion.CONFLICTS_OF_INTEREST);
        assertEquals(Verdict.CONCERN, troubled.verdict());
        assertEquals(1, troubled.facts().get("afterAward"));
        assertEquals(List.of(9L), troubled.sequences());
    }

    @Test
    void question9NamesTheRightsHoldersTheirInvolvementAndTheDiscriminationAssessment() {
        AuditAnswer answer = AUDIT.answer(AuditQuestion.RIGHTS_HOLDERS);
        assertEquals(Verdict.OK, answer.verdict());
        assertEquals("The engagement names 1 rights-holder group(s): Young unemployed people aged 16-24. Young unemployed people aged 16-24"
                + " (#6): rights Right to work, Non-discrimination; involved through Two co-design workshops with job seekers; discrimination"
                + " RISK_MITIGATED; remedy: Complaint to the municipal ombudsman.", answer.answer());
        assertEquals(List.of(0L, 6L), answer.sequences());

        AuditAnswer troubled = TROUBLED_AUDIT.answer(AuditQuestion.RIGHTS_HOLDERS);
        assertEquals(Verdict.CONCERN, troubled.verdict());
        assertEquals(List.of("Benefit claimants"), troubled.facts().get("groupsWithoutImpactRecord"));
    }

    @Test
    void question10ReportsFeedbackWithTheAnswerAndDecisionTaken() {
        AuditAnswer answer = AUDIT.answer(AuditQuestion.FEEDBACK);
        assertEquals(Verdict.OK, answer.verdict());
        assertEquals(1, answer.facts().get("received"));
        assertEquals(List.of(), answer.facts().get("unanswered"));
        assertEquals("FB-1 from FRONTLINE_STAFF on REQ-1 (#10): 'The ranking ignores travel time by public transport' - answered by"
                + " employment-caseworker (#12): 'Travel time is now part of the ranking', decision: 'REQ-1 revised to version 2'. 1 decision(s)"
                + " recorded: decision-1 (#19, procurement-lead) Pilot in two offices before rollout.", answer.answer());
        assertEquals(List.of(10L, 12L, 19L), answer.sequences());

        AuditAnswer troubled = TROUBLED_AUDIT.answer(AuditQuestion.FEEDBACK);
        assertEquals(Verdict.CONCERN, troubled.verdict());
        assertEquals(List.of(FB_1), troubled.facts().get("unanswered"));
        assertEquals(List.of(RedFlagCode.FEEDBACK_UNANSWERED_AT_CLOSE), troubled.redFlags());
    }

    @Test
    void question11ComparesWhatWasAchievedWithTheIntendedOutcomeAndGivesTheLessons() {
        AuditAnswer answer = AUDIT.answer(AuditQuestion.OUTCOMES);
        assertEquals(Verdict.OK, answer.verdict());
        assertEquals("Intended outcome: 'Half of young job seekers matched within six weeks'. Evaluation at completion (#28): Median time to"
                + " first match fell from 14 to 7 weeks; benefits: Faster matching; fewer repeat visits; costs avoided 60000.00 EUR; supplier"
                + " performance: Delivered on time; documentation good; lessons learned: Involve caseworkers from week one. 2 of 2 requirement(s)"
                + " accepted, 1 of 1 capability target(s) met, milestones: 1 MET.", answer.answer());
        assertEquals(List.of(0L, 15L, 25L, 26L, 28L), answer.sequences());
    }

    @Test
    void question11CannotBeAnsweredWhileTheEngagementIsOpen() {
        AuditAnswer answer = EngagementAudit.of(realistic().history().upToSequence(20)).answer(AuditQuestion.OUTCOMES);
        assertEquals(Verdict.UNKNOWN, answer.verdict());
        assertTrue(answer.answer().contains("Not evaluated yet: the engagement is ACTIVE."), answer.answer());
        assertNull(answer.facts().get("evaluation"));
    }

    @Test
    void question12IsNotVerifiedWithoutAVerificationResult() {
        AuditAnswer answer = AUDIT.answer(AuditQuestion.INTEGRITY);

        assertEquals(Verdict.UNKNOWN, answer.verdict());
        assertEquals(VerificationStatus.Outcome.NOT_VERIFIED, answer.facts().get("verification"));
        assertEquals(true, answer.facts().get("sequencesContiguous"));
        assertEquals(29L, answer.facts().get("lastSequence"));
        assertEquals("Not verified: no verification result was given to the audit. The history as read has 30 event(s) #0..#29, numbered"
                + " without gaps. Only a verification of the hash chain against a signed digest shows that it is unaltered.", answer.answer());
        assertEquals(List.of(), answer.sequences());
        assertEquals(VerificationStatus.Outcome.NOT_VERIFIED, AUDIT.verification().outcome());
    }

    @Test
    void question12ReportsAnIntactVerification() {
        EngagementAudit audit = EngagementAudit.of(realistic().history(), AuditInputs.none()
                .withVerification(VerificationStatus.intact("chain of 30 events matches digest 7", at("2026-08-01T10:00:00Z"))));
        AuditAnswer answer = audit.answer(AuditQuestion.INTEGRITY);

        assertEquals(Verdict.OK, answer.verdict());
        assertTrue(answer.answer().startsWith("Verified intact at 2026-08-01T10:00:00Z: chain of 30 events matches digest 7."), answer.answer());
    }

    @Test
    void question12ReportsVerificationFindingsWithTheirSequences() {
        EngagementAudit audit = EngagementAudit.of(realistic().history(), AuditInputs.none()
                .withVerification(VerificationStatus.findings(2, "HASH_MISMATCH at 7, LINK_BROKEN at 8", List.of(8L, 7L), null)));
        AuditAnswer answer = audit.answer(AuditQuestion.INTEGRITY);

        assertEquals(Verdict.CONCERN, answer.verdict());
        assertEquals(2, answer.facts().get("findings"));
        assertTrue(answer.answer().startsWith("NOT intact: the verification reported 2 finding(s): HASH_MISMATCH at 7, LINK_BROKEN at 8 (at #7, 8)."),
                answer.answer());
        assertEquals(List.of(7L, 8L), answer.sequences());
    }

    @Test
    void question12NoticesMissingSequenceNumbersEvenWithoutVerification() {
        List<org.axonframework.eventhandling.DomainEventMessage<?>> messages = new ArrayList<>(realistic().messages());
        messages.remove(17);
        AuditAnswer answer = EngagementAudit.of(messages, AuditInputs.none()).answer(AuditQuestion.INTEGRITY);

        assertEquals(Verdict.CONCERN, answer.verdict());
        assertEquals(false, answer.facts().get("sequencesContiguous"));
        assertEquals(List.of(17L), answer.facts().get("missingSequences"));
    }

    @Test
    void aHistoryCutBeforeCommissioningCannotAnswerTheDecisionQuestions() {
        EngagementAudit audit = EngagementAudit.of(realistic().history().upTo(at("2026-01-01T00:00:00Z")));

        assertEquals(Verdict.UNKNOWN, audit.answer(AuditQuestion.WHY_A_CONSULTANT).verdict());
        assertEquals(Verdict.UNKNOWN, audit.answer(AuditQuestion.COST).verdict());
        assertEquals(12, audit.answers().size());
        assertNull(audit.title());
    }

    @Test
    void everyRaisedRedFlagIsNamedByTheAnswerOnTheSameMatter() {
        List<RedFlagCode> named = TROUBLED_AUDIT.answers().stream().flatMap(a -> a.redFlags().stream()).distinct().sorted().toList();

        assertEquals(List.of(RedFlagCode.values()), named);
        assertEquals(12, TROUBLED_AUDIT.redFlags().size());
    }
}
