package org.engagementledger.audit;

import org.engagementledger.api.Actor;
import org.engagementledger.api.Money;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.DeclarationTiming;
import org.engagementledger.api.engagement.Evaluation;
import org.engagementledger.api.engagement.FeedbackSource;
import org.engagementledger.api.engagement.InvoiceStatus;
import org.engagementledger.api.engagement.MilestoneStatus;
import org.engagementledger.api.engagement.NonDiscriminationAssessment;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.engagement.StatedBy;
import org.engagementledger.audit.AuditAnswer.Verdict;
import org.engagementledger.audit.EngagementState.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.engagementledger.audit.EventSummaries.text;

/** Builds the twelve answers of an {@link EngagementAudit} from the state after the whole history. */
final class AuditAnswers {

    private final EngagementHistory history;
    private final EngagementState state;
    private final AuditInputs inputs;
    private final List<RedFlag> flags;
    private final VerificationStatus verification;

    AuditAnswers(EngagementHistory history, EngagementState state, AuditInputs inputs, List<RedFlag> flags, VerificationStatus verification) {
        this.history = history;
        this.state = state;
        this.inputs = inputs;
        this.flags = flags;
        this.verification = verification;
    }

    List<AuditAnswer> all() {
        return List.of(whyAConsultant(), coreWork(), requirements(), deliverables(), cost(), amendments(), capability(), conflicts(),
                rightsHolders(), feedback(), outcomes(), integrity());
    }

    // ---- 1 and 2: the decision to hire ----------------------------------------------------------------------------

    private AuditAnswer whyAConsultant() {
        Commissioning c = state.commissioning();
        if (c == null) {
            return notCommissioned(AuditQuestion.WHY_A_CONSULTANT);
        }
        boolean compared = RedFlags.hasCostComparison(c);
        Activation award = state.activation();
        boolean beforeAward = award == null || c.sequence() < award.sequence();
        List<Decision> decisionsBeforeAward = state.decisions().stream()
                .filter(d -> award == null || d.sequence() < award.sequence()).toList();
        Money alternativeCost = c.inHouseAlternative() == null ? null : c.inHouseAlternative().estimatedCost();
        Facts facts = new Facts()
                .put("reason", c.reason())
                .put("inHouseAlternative", c.inHouseAlternative() == null ? null : c.inHouseAlternative().description())
                .put("inHouseEstimatedCost", alternativeCost)
                .put("originalCeiling", state.ceiling() == null ? null : state.ceiling().original())
                .put("costComparisonRecorded", compared)
                .put("recordedBeforeAward", compared && beforeAward)
                .put("decidedBy", c.by())
                .put("decidedAt", c.at())
                .put("awardedAt", award == null ? null : award.at())
                .put("decisionsBeforeAward", decisionsBeforeAward);
        StringBuilder text = new StringBuilder("The agency gave " + c.reason() + " as the reason for a consultant (#" + c.sequence() + ", "
                + actor(c.by()) + "). ");
        if (compared) {
            text.append("An in-house alternative ('").append(text(c.inHouseAlternative().description())).append("') was costed at ")
                    .append(alternativeCost).append(" against a ceiling of ").append(facts.get("originalCeiling"))
                    .append(", recorded with the decision to commission")
                    .append(award == null ? " (no award yet)." : beforeAward ? ", before the award (#" + award.sequence() + ")."
                            : ", but after the award (#" + award.sequence() + ").");
        } else {
            text.append("No cost of an in-house alternative was recorded (estimated cost ").append(alternativeCost).append(").");
        }
        List<Long> sequences = new ArrayList<>(List.of(c.sequence()));
        if (award != null) {
            sequences.add(award.sequence());
        }
        decisionsBeforeAward.forEach(d -> sequences.add(d.sequence()));
        return answer(AuditQuestion.WHY_A_CONSULTANT, compared && beforeAward ? Verdict.OK : Verdict.CONCERN, text.toString(), facts,
                sequences, RedFlagCode.NO_IN_HOUSE_COST_COMPARISON);
    }

    private AuditAnswer coreWork() {
        Commissioning c = state.commissioning();
        if (c == null) {
            return notCommissioned(AuditQuestion.CORE_WORK);
        }
        Facts facts = new Facts().put("coreWork", c.coreWork()).put("justification", c.coreWorkJustification());
        String text = c.coreWork()
                ? "Yes: the agency recorded this as its core work (#" + c.sequence() + ") and outsourced it "
                + (c.coreWorkJustification() == null || c.coreWorkJustification().isBlank() ? "without a justification."
                : "with the justification: " + text(c.coreWorkJustification()) + ".")
                : "No: the agency recorded that this is not its core work (#" + c.sequence() + ").";
        return answer(AuditQuestion.CORE_WORK, c.coreWork() ? Verdict.CONCERN : Verdict.OK, text, facts, List.of(c.sequence()),
                RedFlagCode.CORE_WORK_OUTSOURCED);
    }

    // ---- 3 and 4: requirements and deliverables -----------------------------------------------------------------------

    private AuditAnswer requirements() {
        EngagementState at = inputs.requirementsAsOf() == null ? state
                : EngagementState.asOf(history, inputs.requirementsAsOf(), inputs.thresholds());
        List<Requirement> requirements = at.requirements();
        Map<RequirementStatus, Long> byStatus = count(requirements, Requirement::status, RequirementStatus.class);
        Map<StatedBy, Long> byStatedBy = count(requirements, Requirement::statedBy, StatedBy.class);
        List<Requirement> active = requirements.stream().filter(r -> r.status() != RequirementStatus.WITHDRAWN).toList();
        List<Requirement> withoutCriteria = active.stream().filter(Requirement::lacksCriteria).toList();
        List<Requirement> outcomeShaped = active.stream()
                .filter(r -> !r.lacksCriteria() && r.verificationMethod() != null && !r.verificationMethod().isBlank()).toList();
        List<Requirement> revised = requirements.stream().filter(r -> r.versions().size() > 1).toList();
        Facts facts = new Facts()
                .put("asOf", inputs.requirementsAsOf())
                .put("count", requirements.size())
                .put("byStatus", byStatus)
                .put("byStatedBy", byStatedBy)
                .put("withoutAcceptanceCriteria", ids(withoutCriteria))
                .put("withCriteriaAndVerificationMethod", ids(outcomeShaped))
                .put("revised", ids(revised))
                .put("requirements", requirements);
        String when = inputs.requirementsAsOf() == null ? "At the end of the history" : "On " + inputs.requirementsAsOf();
        if (requirements.isEmpty()) {
            return answer(AuditQuestion.REQUIREMENTS, Verdict.CONCERN, when + " no requirement had been stated.", facts, List.of());
        }
        StringBuilder text = new StringBuilder(when + " there were " + requirements.size() + " requirement(s) ("
                + nonZero(byStatus) + "), stated by " + nonZero(byStatedBy) + ". ");
        for (Requirement r : requirements) {
            RequirementVersion first = r.versions().get(0);
            RequirementVersion last = r.versions().get(r.versions().size() - 1);
            text.append(r.requirementId()).append(" v").append(r.version()).append(" ").append(r.status())
                    .append(", stated by ").append(r.statedBy()).append(" (recorded by ").append(actorId(first.by())).append(")");
            if (r.versions().size() > 1) {
                text.append(", last changed by ").append(actorId(last.by())).append(" (#").append(last.sequence()).append(": ")
                        .append(text(last.reason())).append(")");
            }
            text.append(": ").append(text(r.outcome())).append(". ");
        }
        text.append(outcomeShaped.size()).append(" of ").append(active.size())
                .append(" requirement(s) in force have acceptance criteria and a verification method, as an outcome should");
        text.append(withoutCriteria.isEmpty() ? "." : "; without acceptance criteria: " + RedFlags.join(ids(withoutCriteria)) + ".");
        List<Long> sequences = requirements.stream().flatMap(r -> Stream.concat(r.versions().stream().map(RequirementVersion::sequence),
                r.fulfilment().stream().filter(s -> s.kind() == FulfilmentStepKind.WITHDRAWN).map(FulfilmentStep::sequence))).toList();
        boolean concern = !withoutCriteria.isEmpty() || at.redFlags().stream()
                .anyMatch(f -> f.code() == RedFlagCode.REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT);
        return answer(AuditQuestion.REQUIREMENTS, concern ? Verdict.CONCERN : Verdict.OK, text.toString().strip(), facts, sequences,
                RedFlagCode.REQUIREMENT_WITHOUT_ACCEPTANCE_CRITERIA, RedFlagCode.REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT);
    }

    private AuditAnswer deliverables() {
        List<Requirement> accepted = state.requirements().stream().filter(r -> r.accepted() != null).toList();
        List<Milestone> met = state.milestones().stream()
                .filter(m -> m.status() == MilestoneStatus.MET || m.status() == MilestoneStatus.PARTIALLY_MET).toList();
        List<Invoice> unbacked = state.invoices().stream().filter(i -> !i.backed()).toList();
        List<Invoice> paidUnbacked = unbacked.stream().filter(i -> i.status() == InvoiceStatus.ACCEPTED).toList();
        List<Map<String, Object>> acceptedItems = accepted.stream().map(r -> new Facts()
                .put("requirementId", r.requirementId())
                .put("version", r.accepted().version())
                .put("acceptedBy", r.accepted().by())
                .put("acceptedAt", r.accepted().at())
                .put("acceptanceCriteria", r.accepted().acceptanceCriteria())
                .put("assessment", r.accepted().text())
                .put("sequence", r.accepted().sequence()).map()).toList();
        Facts facts = new Facts()
                .put("requirementsAccepted", acceptedItems)
                .put("requirementsTotal", state.requirements().size())
                .put("milestones", state.milestones())
                .put("invoices", state.invoices())
                .put("invoicesWithoutAcceptedDeliverable", state.invoices().stream().filter(i -> !i.backed()).map(Invoice::invoiceId).toList())
                .put("paidWithoutAcceptedDeliverable", paidUnbacked.stream().map(Invoice::invoiceId).toList());
        StringBuilder text = new StringBuilder();
        text.append(accepted.size()).append(" of ").append(state.requirements().size()).append(" requirement(s) accepted");
        text.append(accepted.isEmpty() ? "" : ": " + accepted.stream().map(r -> r.requirementId() + " v" + r.accepted().version() + " by "
                + actorId(r.accepted().by()) + " against " + criteria(r.accepted().acceptanceCriteria().size()) + " (#" + r.accepted().sequence() + ")")
                .collect(Collectors.joining("; ")));
        text.append(". ").append(met.size()).append(" of ").append(state.milestones().size()).append(" milestone(s) met");
        text.append(met.isEmpty() ? "" : ": " + met.stream().map(m -> m.milestoneId() + " " + m.status() + " on " + m.dateMet() + ", accepted by "
                + actorId(m.acceptedBy())).collect(Collectors.joining("; ")));
        text.append(". ").append(state.invoices().size()).append(" invoice(s) registered; ");
        if (unbacked.isEmpty()) {
            text.append(state.invoices().isEmpty() ? "nothing was invoiced." : "each billed an accepted deliverable.");
        } else {
            text.append(unbacked.size()).append(" without an accepted deliverable (")
                    .append(unbacked.stream().map(i -> i.invoiceId() + " " + i.amount() + ", " + i.status()).collect(Collectors.joining("; ")))
                    .append(")").append(paidUnbacked.isEmpty() ? ", none of them accepted for payment." : ", " + paidUnbacked.size() + " accepted for payment.");
        }
        List<Long> sequences = new ArrayList<>();
        accepted.forEach(r -> sequences.add(r.accepted().sequence()));
        met.forEach(m -> m.outcomes().forEach(o -> sequences.add(o.sequence())));
        state.invoices().forEach(i -> Stream.of(i.registeredSequence(), i.acceptedSequence(), i.disputedSequence())
                .filter(Objects::nonNull).forEach(sequences::add));
        return answer(AuditQuestion.DELIVERABLES, unbacked.isEmpty() ? Verdict.OK : Verdict.CONCERN, text.toString(), facts, sequences,
                RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE);
    }

    // ---- 5 and 6: cost and amendments ---------------------------------------------------------------------------------

    private AuditAnswer cost() {
        Cost cost = state.cost();
        Ceiling ceiling = state.ceiling();
        if (cost == null || ceiling == null) {
            return notCommissioned(AuditQuestion.COST);
        }
        Closure closure = state.closure();
        Money unused = ceiling.current().minus(cost.committed());
        Money againstOriginal = cost.committed().minus(ceiling.original());
        Boolean finalCostMatches = closure == null ? null : Objects.equals(closure.finalCostAsRecorded(), cost.committed());
        Facts facts = new Facts()
                .put("committed", cost.committed())
                .put("originalCeiling", ceiling.original())
                .put("currentCeiling", ceiling.current())
                .put("unusedCeiling", unused)
                .put("committedMinusOriginalCeiling", againstOriginal)
                .put("byCategory", cost.byCategory())
                .put("hoursByCategory", cost.hoursByCategory())
                .put("invoiced", cost.invoiced())
                .put("acceptedForPayment", cost.acceptedForPayment())
                .put("amendments", ceiling.amendments().size())
                .put("ceilingNetChange", ceiling.netChange())
                .put("finalCostAsRecorded", closure == null ? null : closure.finalCostAsRecorded())
                .put("finalCostMatchesCostLines", finalCostMatches)
                .put("timeEntries", cost.timeEntries().size())
                .put("expenses", cost.expenses().size());
        StringBuilder text = new StringBuilder(closure == null ? "So far " : "In the end ");
        text.append(cost.committed()).append(" was committed against a ceiling of ").append(ceiling.current());
        if (!ceiling.amendments().isEmpty()) {
            text.append(" (originally ").append(ceiling.original()).append(")");
        }
        text.append(": ").append(unused.isNegative() ? "over the ceiling by " + Money.zero(unused.currency()).minus(unused) : unused + " unused").append(". ");
        text.append("By category: ").append(cost.byCategory().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))).append(". ");
        if (ceiling.amendments().isEmpty()) {
            text.append("The ceiling was never amended");
        } else {
            text.append("The difference to the original ceiling is explained by ").append(ceiling.amendments().size())
                    .append(" amendment(s) changing it by ").append(signed(ceiling.netChange())).append(" (question 6): ")
                    .append(ceiling.amendments().stream().map(a -> a.amendmentId() + " " + text(a.rationale())).collect(Collectors.joining("; ")));
        }
        text.append(". Invoiced ").append(cost.invoiced()).append(", accepted for payment ").append(cost.acceptedForPayment()).append(".");
        if (closure != null) {
            text.append(" The final cost recorded at the close (#").append(closure.sequence()).append(") is ").append(closure.finalCostAsRecorded())
                    .append(Boolean.TRUE.equals(finalCostMatches) ? ", matching the cost lines." : ", which does NOT match the cost lines.");
        }
        List<Long> sequences = new ArrayList<>();
        cost.timeEntries().forEach(t -> sequences.add(t.sequence()));
        cost.expenses().forEach(x -> sequences.add(x.sequence()));
        ceiling.amendments().forEach(a -> sequences.add(a.sequence()));
        if (closure != null) {
            sequences.add(closure.sequence());
        }
        boolean concern = unused.isNegative() || Boolean.FALSE.equals(finalCostMatches)
                || has(RedFlagCode.AMENDMENT_GROWTH) || has(RedFlagCode.TIME_LOGGED_OUTSIDE_PERIOD);
        return answer(AuditQuestion.COST, concern ? Verdict.CONCERN : Verdict.OK, text.toString(), facts, sequences,
                RedFlagCode.AMENDMENT_GROWTH, RedFlagCode.TIME_LOGGED_OUTSIDE_PERIOD);
    }

    private AuditAnswer amendments() {
        Ceiling ceiling = state.ceiling();
        if (ceiling == null) {
            return notCommissioned(AuditQuestion.AMENDMENTS);
        }
        Money gross = ceiling.amendments().stream().map(Amendment::change).filter(Objects::nonNull).filter(Money::isPositive)
                .reduce(Money.zero(ceiling.original().currency()), Money::plus);
        Facts facts = new Facts()
                .put("count", ceiling.amendments().size())
                .put("originalCeiling", ceiling.original())
                .put("currentCeiling", ceiling.current())
                .put("netChange", ceiling.netChange())
                .put("growthPercentOfOriginal", ceiling.growthPercent())
                .put("grossIncrease", gross)
                .put("thresholdPercent", inputs.thresholds().amendmentGrowthPercent())
                .put("amendments", ceiling.amendments());
        String text;
        if (ceiling.amendments().isEmpty()) {
            text = "No amendments: the ceiling stayed at " + ceiling.original() + ".";
        } else {
            text = ceiling.amendments().size() + " amendment(s) changed the ceiling from " + ceiling.original() + " to " + ceiling.current() + " ("
                    + signed(ceiling.netChange()) + ", " + percent(ceiling.growthPercent()) + " of the original ceiling; threshold "
                    + inputs.thresholds().amendmentGrowthPercent().toPlainString() + " %): "
                    + ceiling.amendments().stream().map(a -> a.amendmentId() + " (#" + a.sequence() + ") " + a.previousCeiling() + " -> "
                    + a.newCeiling() + ", requested by " + text(a.requestedBy()) + ", approved by " + actorId(a.approvedBy()) + ": "
                    + text(a.rationale())).collect(Collectors.joining("; ")) + ".";
        }
        return answer(AuditQuestion.AMENDMENTS, has(RedFlagCode.AMENDMENT_GROWTH) ? Verdict.CONCERN : Verdict.OK, text, facts,
                ceiling.amendments().stream().map(Amendment::sequence).toList(), RedFlagCode.AMENDMENT_GROWTH);
    }

    // ---- 7: capability --------------------------------------------------------------------------------------------------

    private AuditAnswer capability() {
        List<CapabilityTarget> targets = state.capabilityTargets();
        Closure closure = state.closure();
        Evaluation evaluation = closure == null ? null : closure.evaluation();
        List<RedFlags.RepeatMatch> repeats = RedFlags.repeatMatches(state, inputs.otherEngagements());
        BigDecimal transferHours = targets.stream().map(CapabilityTarget::transferHours).reduce(BigDecimal.ZERO, BigDecimal::add);
        long checked = inputs.otherEngagements().stream().filter(o -> !o.engagementId().equals(state.engagementId())).count();
        Facts facts = new Facts()
                .put("targets", targets)
                .put("targetsMet", targets.stream().filter(CapabilityTarget::met).count())
                .put("targetsTotal", targets.size())
                .put("transferHours", transferHours)
                .put("capabilityTransferCost", state.cost() == null ? null : state.cost().byCategory().get(CostCategory.CAPABILITY_TRANSFER))
                .put("agencyCanContinueAlone", evaluation == null ? null : evaluation.agencyCanContinueAlone())
                .put("otherEngagementsChecked", checked)
                .put("repeatEngagements", repeats.stream().map(r -> new Facts().put("capability", r.capability())
                        .put("engagements", r.otherEngagements()).map()).toList());
        StringBuilder text = new StringBuilder();
        if (targets.isEmpty()) {
            text.append("No capability targets were defined, so no transfer of capability was recorded. ");
        }
        for (CapabilityTarget t : targets) {
            text.append(t.targetId()).append(" ").append(text(t.capability())).append(" (").append(text(t.recipientTeam())).append("): level ")
                    .append(t.baselineLevel()).append(" -> target ").append(t.targetLevel()).append(", ");
            if (t.assessments().isEmpty()) {
                text.append("never assessed");
            } else {
                Assessment last = t.assessments().get(t.assessments().size() - 1);
                text.append("assessed ").append(last.level()).append(" by ").append(actorId(last.assessor())).append(" (#").append(last.sequence())
                        .append(") on the evidence '").append(text(last.evidence())).append("'").append(t.met() ? " (met)" : " (not met)");
            }
            text.append("; ").append(t.activities().size()).append(" transfer activit").append(t.activities().size() == 1 ? "y" : "ies")
                    .append(", ").append(t.transferHours().toPlainString()).append(" h. ");
        }
        if (evaluation != null) {
            text.append("At completion the agency recorded that it ").append(evaluation.agencyCanContinueAlone() ? "can" : "can NOT")
                    .append(" continue without the supplier. ");
        } else {
            text.append("Whether the agency can continue alone is recorded at completion, which ")
                    .append(closure == null ? "has not happened yet. " : "did not happen (" + closure.status() + "). ");
        }
        if (!repeats.isEmpty()) {
            text.append("The same supplier was engaged again for the same capability: ").append(repeats.stream()
                    .map(r -> "'" + r.capability() + "' in " + RedFlags.join(r.otherEngagements())).collect(Collectors.joining("; "))).append(".");
        } else if (checked == 0) {
            text.append("No other engagements of the buyer were given to the audit, so repeat engagements were not checked.");
        } else {
            text.append("None of the buyer's ").append(checked).append(" other engagement(s) given to the audit engaged the same supplier for these capabilities.");
        }
        List<Long> sequences = new ArrayList<>();
        for (CapabilityTarget t : targets) {
            sequences.add(t.definedSequence());
            t.activities().forEach(a -> sequences.add(a.sequence()));
            t.assessments().forEach(a -> sequences.add(a.sequence()));
        }
        if (closure != null) {
            sequences.add(closure.sequence());
        }
        boolean concern = !repeats.isEmpty() || has(RedFlagCode.CAPABILITY_TARGET_UNMET_AT_CLOSE)
                || evaluation != null && !evaluation.agencyCanContinueAlone();
        Verdict verdict = concern ? Verdict.CONCERN : targets.isEmpty() || closure == null ? Verdict.UNKNOWN : Verdict.OK;
        return answer(AuditQuestion.CAPABILITY, verdict, text.toString().strip(), facts, sequences,
                RedFlagCode.CAPABILITY_TARGET_UNMET_AT_CLOSE, RedFlagCode.REPEAT_ENGAGEMENT);
    }

    // ---- 8 to 10: integrity of decisions, rights-holders, feedback --------------------------------------------------------------

    private AuditAnswer conflicts() {
        List<Conflict> conflicts = state.conflicts();
        List<Conflict> later = conflicts.stream()
                .filter(c -> c.timing() == DeclarationTiming.DISCOVERED_LATER || c.declaredAfterAward()).toList();
        Facts facts = new Facts()
                .put("declared", conflicts.size())
                .put("beforeAward", conflicts.size() - later.size())
                .put("afterAward", later.size())
                .put("conflicts", conflicts);
        String text = conflicts.isEmpty() ? "No conflict of interest was declared."
                : conflicts.size() + " conflict(s) of interest declared, " + later.size() + " after the award: "
                + conflicts.stream().map(c -> c.declarationId() + " (#" + c.sequence() + ") " + c.nature() + " of " + text(c.declarant()) + ", "
                + c.timing() + (c.declaredAfterAward() && c.timing() != DeclarationTiming.DISCOVERED_LATER ? " but recorded after the award" : "")
                + ": " + text(c.description()) + "; handled by: " + text(c.mitigation())).collect(Collectors.joining("; ")) + ".";
        return answer(AuditQuestion.CONFLICTS_OF_INTEREST, later.isEmpty() ? Verdict.OK : Verdict.CONCERN, text, facts,
                conflicts.stream().map(Conflict::sequence).toList(), RedFlagCode.CONFLICT_DECLARED_AFTER_AWARD);
    }

    private AuditAnswer rightsHolders() {
        Commissioning c = state.commissioning();
        if (c == null) {
            return notCommissioned(AuditQuestion.RIGHTS_HOLDERS);
        }
        List<Impact> impacts = state.impacts();
        Set<String> recordedGroups = impacts.stream().map(i -> RedFlags.normalise(i.group())).collect(Collectors.toSet());
        List<String> withoutImpact = c.rightsHolderGroups().stream().filter(g -> !recordedGroups.contains(RedFlags.normalise(g))).toList();
        List<String> notAssessed = impacts.stream().filter(i -> i.assessment() == null || i.assessment() == NonDiscriminationAssessment.NOT_ASSESSED)
                .map(Impact::group).toList();
        Facts facts = new Facts()
                .put("groupsNamed", c.rightsHolderGroups())
                .put("impacts", impacts)
                .put("groupsWithoutImpactRecord", withoutImpact)
                .put("discriminationNotAssessed", notAssessed);
        StringBuilder text = new StringBuilder();
        text.append(c.rightsHolderGroups().isEmpty() ? "The engagement names no rights-holder group. "
                : "The engagement names " + c.rightsHolderGroups().size() + " rights-holder group(s): " + String.join(", ", c.rightsHolderGroups()) + ". ");
        for (Impact i : impacts) {
            text.append(text(i.group())).append(" (#").append(i.sequence()).append("): rights ").append(String.join(", ", i.rightsEngaged()))
                    .append("; involved through ").append(text(i.participation())).append("; discrimination ").append(i.assessment())
                    .append(i.remedyChannel() == null ? "" : "; remedy: " + text(i.remedyChannel())).append(". ");
        }
        if (!withoutImpact.isEmpty()) {
            text.append("No impact was recorded for: ").append(String.join(", ", withoutImpact)).append(". ");
        }
        if (!notAssessed.isEmpty()) {
            text.append("Discrimination was not assessed for: ").append(String.join(", ", notAssessed)).append(".");
        }
        List<Long> sequences = new ArrayList<>(List.of(c.sequence()));
        impacts.forEach(i -> sequences.add(i.sequence()));
        boolean concern = c.rightsHolderGroups().isEmpty() && impacts.isEmpty() || !withoutImpact.isEmpty() || !notAssessed.isEmpty();
        return answer(AuditQuestion.RIGHTS_HOLDERS, concern ? Verdict.CONCERN : Verdict.OK, text.toString().strip(), facts, sequences);
    }

    private AuditAnswer feedback() {
        List<Feedback> items = state.feedback();
        List<Feedback> unanswered = RedFlags.unansweredAtClose(state);
        Facts facts = new Facts()
                .put("received", items.size())
                .put("bySource", count(items, Feedback::source, FeedbackSource.class))
                .put("answered", items.size() - unanswered.size())
                .put("unanswered", unanswered.stream().map(Feedback::feedbackId).toList())
                .put("feedback", items)
                .put("erasures", state.erasures())
                .put("decisions", state.decisions());
        StringBuilder text = new StringBuilder();
        if (items.isEmpty()) {
            text.append("No feedback from frontline staff, rights-holders or citizens was recorded. ");
        }
        for (Feedback f : items) {
            text.append(f.feedbackId()).append(" from ").append(f.source()).append(f.linkedRequirement() == null ? "" : " on " + f.linkedRequirement())
                    .append(" (#").append(f.receivedSequence()).append("): '").append(text(f.observation())).append("'");
            Answer a = f.answer();
            if (a == null) {
                text.append(" - unanswered. ");
            } else {
                text.append(" - answered by ").append(actorId(a.decidedBy())).append(" (#").append(a.sequence()).append("): '")
                        .append(text(a.response())).append("', decision: '").append(text(a.decision())).append("'. ");
            }
        }
        if (!state.erasures().isEmpty()) {
            text.append("The personal data of ").append(state.erasures().size()).append(" data subject(s) was erased on request (")
                    .append(state.erasures().stream().map(x -> x.subject() + " #" + x.sequence() + ", " + x.ground())
                            .collect(Collectors.joining("; "))).append("): their observations read '")
                    .append(org.engagementledger.api.PersonalData.REPLACEMENT).append("'. ");
        }
        if (!state.decisions().isEmpty()) {
            text.append(state.decisions().size()).append(" decision(s) recorded: ").append(state.decisions().stream()
                    .map(d -> d.decisionId() + " (#" + d.sequence() + ", " + actorId(d.decidedBy()) + ") " + text(d.subject()))
                    .collect(Collectors.joining("; "))).append(".");
        }
        List<Long> sequences = new ArrayList<>();
        items.forEach(f -> {
            sequences.add(f.receivedSequence());
            if (f.answer() != null) {
                sequences.add(f.answer().sequence());
            }
        });
        state.erasures().forEach(x -> sequences.add(x.sequence()));
        state.decisions().forEach(d -> sequences.add(d.sequence()));
        Verdict verdict = has(RedFlagCode.FEEDBACK_UNANSWERED_AT_CLOSE) ? Verdict.CONCERN : items.isEmpty() ? Verdict.UNKNOWN : Verdict.OK;
        return answer(AuditQuestion.FEEDBACK, verdict, text.toString().strip(), facts, sequences, RedFlagCode.FEEDBACK_UNANSWERED_AT_CLOSE);
    }

    // ---- 11 and 12: outcomes and integrity -------------------------------------------------------------------------------------

    private AuditAnswer outcomes() {
        Commissioning c = state.commissioning();
        Closure closure = state.closure();
        Evaluation evaluation = closure == null ? null : closure.evaluation();
        List<Requirement> accepted = state.requirements().stream().filter(r -> r.status() == RequirementStatus.ACCEPTED).toList();
        long targetsMet = state.capabilityTargets().stream().filter(CapabilityTarget::met).count();
        Facts facts = new Facts()
                .put("intendedOutcome", c == null ? null : c.intendedOutcome())
                .put("status", state.status())
                .put("evaluation", evaluation)
                .put("terminationReason", closure == null ? null : closure.terminationReason())
                .put("milestonesByStatus", count(state.milestones(), Milestone::status, MilestoneStatus.class))
                .put("requirementsAccepted", accepted.size())
                .put("requirementsTotal", state.requirements().size())
                .put("capabilityTargetsMet", targetsMet)
                .put("capabilityTargetsTotal", state.capabilityTargets().size());
        StringBuilder text = new StringBuilder("Intended outcome: '" + (c == null ? "-" : text(c.intendedOutcome())) + "'. ");
        Verdict verdict;
        if (closure == null) {
            text.append("Not evaluated yet: the engagement is ").append(state.status()).append(". ");
            verdict = Verdict.UNKNOWN;
        } else if (evaluation == null) {
            text.append("Terminated (#").append(closure.sequence()).append("): ").append(text(closure.terminationReason()))
                    .append("; no evaluation was recorded. ");
            verdict = Verdict.CONCERN;
        } else {
            boolean lessons = evaluation.lessonsLearned() != null && !evaluation.lessonsLearned().isBlank();
            text.append("Evaluation at completion (#").append(closure.sequence()).append("): ").append(text(evaluation.outcomesAgainstTargets()))
                    .append("; benefits: ").append(text(evaluation.benefitsRealised())).append("; costs avoided ").append(evaluation.costsAvoided())
                    .append("; supplier performance: ").append(text(evaluation.supplierPerformance())).append("; lessons learned: ")
                    .append(lessons ? text(evaluation.lessonsLearned()) : "none recorded").append(". ");
            verdict = lessons ? Verdict.OK : Verdict.CONCERN;
        }
        text.append(accepted.size()).append(" of ").append(state.requirements().size()).append(" requirement(s) accepted, ")
                .append(targetsMet).append(" of ").append(state.capabilityTargets().size()).append(" capability target(s) met, milestones: ")
                .append(state.milestones().isEmpty() ? "none" : nonZero(count(state.milestones(), Milestone::status, MilestoneStatus.class)))
                .append(".");
        List<Long> sequences = new ArrayList<>();
        if (c != null) {
            sequences.add(c.sequence());
        }
        if (closure != null) {
            sequences.add(closure.sequence());
        }
        accepted.forEach(r -> sequences.add(r.accepted().sequence()));
        state.milestones().forEach(m -> m.outcomes().forEach(o -> sequences.add(o.sequence())));
        return answer(AuditQuestion.OUTCOMES, verdict, text.toString(), facts, sequences);
    }

    private AuditAnswer integrity() {
        List<Long> numbers = history.events().stream().map(AuditedEvent::sequence).toList();
        List<Long> missing = new ArrayList<>();
        List<Long> duplicated = new ArrayList<>();
        long expected = 0;
        for (long n : numbers) {
            if (n < expected) {
                duplicated.add(n);
                continue;
            }
            LongStream.range(expected, n).forEach(missing::add);
            expected = n + 1;
        }
        boolean contiguous = missing.isEmpty() && duplicated.isEmpty();
        Facts facts = new Facts()
                .put("verification", verification.outcome())
                .put("findings", verification.findings())
                .put("message", verification.message())
                .put("verifiedAt", verification.verifiedAt())
                .put("eventCount", numbers.size())
                .put("firstSequence", numbers.isEmpty() ? null : numbers.get(0))
                .put("lastSequence", numbers.isEmpty() ? null : numbers.get(numbers.size() - 1))
                .put("sequencesContiguous", contiguous)
                .put("missingSequences", missing)
                .put("duplicatedSequences", duplicated);
        String range = numbers.isEmpty() ? "no events" : numbers.size() + " event(s) #" + numbers.get(0) + "..#" + numbers.get(numbers.size() - 1);
        String read = contiguous ? "The history as read has " + range + ", numbered without gaps."
                : "The history as read has " + range + " with " + (missing.isEmpty() ? "" : "missing sequence numbers " + missing)
                + (missing.isEmpty() || duplicated.isEmpty() ? "" : " and ") + (duplicated.isEmpty() ? "" : "duplicated sequence numbers " + duplicated) + ".";
        String text;
        Verdict verdict;
        switch (verification.outcome()) {
            case INTACT -> {
                text = "Verified intact" + (verification.verifiedAt() == null ? "" : " at " + verification.verifiedAt()) + ": "
                        + verification.message() + ". " + read;
                verdict = contiguous ? Verdict.OK : Verdict.CONCERN;
            }
            case FINDINGS -> {
                text = "NOT intact: the verification reported " + verification.findings() + " finding(s): " + verification.message()
                        + (verification.affectedSequences().isEmpty() ? "" : " (at #" + RedFlags.join(verification.affectedSequences()) + ")")
                        + ". " + read;
                verdict = Verdict.CONCERN;
            }
            default -> {
                text = "Not verified: " + verification.message() + ". " + read
                        + " Only a verification of the hash chain against a signed digest shows that it is unaltered.";
                verdict = contiguous ? Verdict.UNKNOWN : Verdict.CONCERN;
            }
        }
        List<Long> sequences = new ArrayList<>(verification.affectedSequences());
        return answer(AuditQuestion.INTEGRITY, verdict, text, facts, sequences, RedFlagCode.HISTORY_INCONSISTENT);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------------

    private AuditAnswer notCommissioned(AuditQuestion question) {
        return answer(question, Verdict.UNKNOWN, "The history holds no commissioning event, so the question cannot be answered.",
                new Facts(), List.of());
    }

    /** An answer, naming those of {@code related} flags that were actually raised. */
    private AuditAnswer answer(AuditQuestion question, Verdict verdict, String text, Facts facts, List<Long> sequences, RedFlagCode... related) {
        List<RedFlagCode> raised = Stream.of(related).filter(this::has).toList();
        return new AuditAnswer(question.number(), question, question.text(), verdict, text, facts.map(), sequences, raised);
    }

    private boolean has(RedFlagCode code) {
        return flags.stream().anyMatch(f -> f.code() == code);
    }

    private static <T, E extends Enum<E>> Map<E, Long> count(List<T> items, Function<T, E> key, Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        items.forEach(i -> {
            E k = key.apply(i);
            if (k != null) {
                counts.merge(k, 1L, Long::sum);
            }
        });
        return counts;
    }

    private static String nonZero(Map<? extends Enum<?>, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static List<org.engagementledger.api.RequirementId> ids(List<Requirement> requirements) {
        return requirements.stream().map(Requirement::requirementId).toList();
    }

    private static String criteria(int n) {
        return n + (n == 1 ? " criterion" : " criteria");
    }

    private static String actor(Actor actor) {
        return actor == null ? "no actor recorded" : actor.toString();
    }

    private static String actorId(Actor actor) {
        return actor == null ? "(no actor recorded)" : actor.id();
    }

    private static String signed(Money money) {
        return money == null ? "-" : (money.isNegative() ? "" : "+") + money;
    }

    private static String percent(BigDecimal value) {
        return value == null ? "-" : value.toPlainString() + " %";
    }

    /** Named facts in insertion order; {@code null} values are kept (written as JSON null). */
    static final class Facts {
        private final Map<String, Object> values = new LinkedHashMap<>();

        Facts put(String name, Object value) {
            values.put(name, value);
            return this;
        }

        Object get(String name) {
            return values.get(name);
        }

        Map<String, Object> map() {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }
}
