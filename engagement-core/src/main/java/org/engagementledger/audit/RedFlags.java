package org.engagementledger.audit;

import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.ConflictNature;
import org.engagementledger.api.engagement.DeclarationTiming;
import org.engagementledger.api.engagement.InvoiceStatus;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.engagement.StatedBy;
import org.engagementledger.audit.EngagementState.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Computes the red flags of one engagement from its {@link EngagementState} (see {@link RedFlagCode} for
 * each rule). Flags are ordered by severity (highest first), then code, then first supporting sequence.
 */
public final class RedFlags {

    private RedFlags() {
    }

    /**
     * The red flags of {@code state}.
     *
     * @param otherEngagements the buyer's other engagements, for {@link RedFlagCode#REPEAT_ENGAGEMENT}; the
     *                         engagement itself and engagements of other buyers are ignored
     */
    public static List<RedFlag> evaluate(EngagementState state, List<EngagementState> otherEngagements, RedFlagThresholds thresholds) {
        List<RedFlag> flags = new ArrayList<>();
        amendmentGrowth(state, thresholds, flags);
        invoicesWithoutAcceptedDeliverable(state, flags);
        conflictsAfterAward(state, flags);
        capabilityUnmetAtClose(state, flags);
        repeatEngagements(state, otherEngagements, flags);
        requirementsWithoutCriteria(state, flags);
        mostlyConsultantStated(state, thresholds, flags);
        timeOutsidePeriod(state, flags);
        coreWork(state, flags);
        inHouseComparison(state, flags);
        unansweredFeedback(state, flags);
        inconsistentHistory(state, flags);
        flags.sort(Comparator.comparing(RedFlag::severity).reversed()
                .thenComparing(RedFlag::code)
                .thenComparing(f -> f.sequences().isEmpty() ? -1L : f.sequences().get(0)));
        return List.copyOf(flags);
    }

    private static void amendmentGrowth(EngagementState state, RedFlagThresholds thresholds, List<RedFlag> flags) {
        Ceiling ceiling = state.ceiling();
        // compared exactly (growthPercent is rounded for display): net change x 100 > threshold x original
        if (ceiling == null || ceiling.growthPercent() == null || ceiling.netChange().amount().multiply(BigDecimal.valueOf(100))
                .compareTo(thresholds.amendmentGrowthPercent().multiply(ceiling.original().amount())) <= 0) {
            return;
        }
        flags.add(new RedFlag(RedFlagCode.AMENDMENT_GROWTH, Severity.HIGH,
                ceiling.amendments().size() + " amendment(s) raised the ceiling from " + ceiling.original() + " to " + ceiling.current()
                        + " (+" + ceiling.netChange() + ", " + ceiling.growthPercent().toPlainString() + " % of the original ceiling; threshold "
                        + thresholds.amendmentGrowthPercent().toPlainString() + " %)",
                ceiling.amendments().stream().map(Amendment::sequence).toList()));
    }

    private static void invoicesWithoutAcceptedDeliverable(EngagementState state, List<RedFlag> flags) {
        for (Invoice invoice : state.invoices()) {
            if (invoice.backed()) {
                continue;
            }
            Severity severity = switch (invoice.status()) {
                case ACCEPTED -> Severity.HIGH;
                case REGISTERED -> Severity.MEDIUM;
                case DISPUTED -> Severity.LOW;
            };
            String billed = invoice.billedRequirements().isEmpty() ? "bills no requirement"
                    : "bills " + join(invoice.billedRequirements()) + ", none of which had an accepted fulfilment when it was registered";
            String recorded = invoice.backedAsRecorded() != invoice.backedByAcceptedDeliverable()
                    ? " (the ledger recorded it as backed; the history says it was not)" : "";
            String state1 = invoice.status() == InvoiceStatus.ACCEPTED ? "was accepted for payment"
                    : invoice.status() == InvoiceStatus.DISPUTED ? "is disputed" : "awaits a decision";
            flags.add(new RedFlag(RedFlagCode.INVOICE_WITHOUT_ACCEPTED_DELIVERABLE, severity,
                    "Invoice " + invoice.invoiceId() + " of " + invoice.amount() + " " + billed + recorded + "; it " + state1,
                    Stream.of(invoice.registeredSequence(), invoice.acceptedSequence(), invoice.disputedSequence())
                            .filter(s -> s != null).toList()));
        }
    }

    private static void conflictsAfterAward(EngagementState state, List<RedFlag> flags) {
        for (Conflict conflict : state.conflicts()) {
            if (conflict.timing() != DeclarationTiming.DISCOVERED_LATER && !conflict.declaredAfterAward()) {
                continue;
            }
            flags.add(new RedFlag(RedFlagCode.CONFLICT_DECLARED_AFTER_AWARD,
                    conflict.nature() == ConflictNature.ACTUAL ? Severity.HIGH : Severity.MEDIUM,
                    conflict.nature() + " conflict of interest " + conflict.declarationId() + " of " + conflict.declarant()
                            + " was declared after the award (" + conflict.timing() + "); mitigation: "
                            + EventSummaries.text(conflict.mitigation()),
                    List.of(conflict.sequence())));
        }
    }

    private static void capabilityUnmetAtClose(EngagementState state, List<RedFlag> flags) {
        Closure closure = state.closure();
        if (closure == null) {
            return;
        }
        for (CapabilityTarget target : state.capabilityTargets()) {
            List<Assessment> before = target.assessments().stream().filter(a -> a.sequence() < closure.sequence()).toList();
            Integer level = before.isEmpty() ? null : before.get(before.size() - 1).level();
            if (level != null && level >= target.targetLevel()) {
                continue;
            }
            List<Long> sequences = new ArrayList<>();
            sequences.add(target.definedSequence());
            before.forEach(a -> sequences.add(a.sequence()));
            sequences.add(closure.sequence());
            flags.add(new RedFlag(RedFlagCode.CAPABILITY_TARGET_UNMET_AT_CLOSE, Severity.MEDIUM,
                    "Capability target " + target.targetId() + " (" + EventSummaries.text(target.capability()) + ", "
                            + EventSummaries.text(target.recipientTeam()) + ") was "
                            + (level == null ? "never assessed" : "assessed at level " + level) + " against target level "
                            + target.targetLevel() + " (baseline " + target.baselineLevel() + ") when the engagement was "
                            + closure.status(),
                    sequences));
        }
    }

    private static void repeatEngagements(EngagementState state, List<EngagementState> others, List<RedFlag> flags) {
        for (RepeatMatch match : repeatMatches(state, others)) {
            flags.add(new RedFlag(RedFlagCode.REPEAT_ENGAGEMENT, Severity.MEDIUM,
                    "Supplier " + state.commissioning().supplier().name() + " was also engaged by this buyer for '" + match.capability()
                            + "' in " + join(match.otherEngagements()),
                    match.sequences()));
        }
    }

    /** One capability of this engagement that the same buyer also bought from the same supplier elsewhere. */
    record RepeatMatch(String capability, List<EngagementId> otherEngagements, List<Long> sequences) {
    }

    /**
     * Capabilities of {@code state}'s targets that the same buyer also targeted with the same supplier in
     * other engagements (capability names compared trimmed and case-insensitively, as the portfolio read
     * model does).
     */
    static List<RepeatMatch> repeatMatches(EngagementState state, List<EngagementState> others) {
        Commissioning own = state.commissioning();
        if (own == null || own.buyer() == null || own.supplier() == null) {
            return List.of();
        }
        Map<String, List<CapabilityTarget>> byCapability = new LinkedHashMap<>();
        state.capabilityTargets().forEach(t -> byCapability.computeIfAbsent(normalise(t.capability()), k -> new ArrayList<>()).add(t));
        List<RepeatMatch> matches = new ArrayList<>();
        for (Map.Entry<String, List<CapabilityTarget>> entry : byCapability.entrySet()) {
            List<EngagementId> engaged = others.stream()
                    .filter(o -> !o.engagementId().equals(state.engagementId()))
                    .filter(o -> o.commissioning() != null && o.commissioning().buyer() != null && o.commissioning().supplier() != null)
                    .filter(o -> o.commissioning().buyer().id().equals(own.buyer().id())
                            && o.commissioning().supplier().id().equals(own.supplier().id()))
                    .filter(o -> o.capabilityTargets().stream().anyMatch(t -> normalise(t.capability()).equals(entry.getKey())))
                    .map(EngagementState::engagementId)
                    .distinct()
                    .sorted(Comparator.comparing(EngagementId::value))
                    .toList();
            if (!engaged.isEmpty()) {
                matches.add(new RepeatMatch(entry.getValue().get(0).capability().strip(), engaged,
                        entry.getValue().stream().map(CapabilityTarget::definedSequence).toList()));
            }
        }
        return matches;
    }

    private static void requirementsWithoutCriteria(EngagementState state, List<RedFlag> flags) {
        List<Requirement> lacking = state.requirements().stream()
                .filter(r -> r.status() != RequirementStatus.WITHDRAWN && r.lacksCriteria()).toList();
        if (lacking.isEmpty()) {
            return;
        }
        flags.add(new RedFlag(RedFlagCode.REQUIREMENT_WITHOUT_ACCEPTANCE_CRITERIA, Severity.MEDIUM,
                lacking.size() + " of " + state.requirements().size() + " requirements have no acceptance criteria: "
                        + join(lacking.stream().map(Requirement::requirementId).toList()),
                lacking.stream().map(r -> r.versions().get(r.versions().size() - 1).sequence()).toList()));
    }

    private static void mostlyConsultantStated(EngagementState state, RedFlagThresholds thresholds, List<RedFlag> flags) {
        int total = state.requirements().size();
        List<Requirement> byConsultant = state.requirements().stream().filter(r -> r.statedBy() == StatedBy.CONSULTANT).toList();
        if (total == 0 || BigDecimal.valueOf(byConsultant.size() * 100L)
                .compareTo(thresholds.consultantStatedPercent().multiply(BigDecimal.valueOf(total))) <= 0) {
            return;
        }
        flags.add(new RedFlag(RedFlagCode.REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT, Severity.MEDIUM,
                byConsultant.size() + " of " + total + " requirements were stated by the consultant rather than the agency (threshold "
                        + thresholds.consultantStatedPercent().toPlainString() + " %): " + join(byConsultant.stream().map(Requirement::requirementId).toList()),
                byConsultant.stream().map(r -> r.versions().get(0).sequence()).toList()));
    }

    private static void timeOutsidePeriod(EngagementState state, List<RedFlag> flags) {
        if (state.cost() == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        for (TimeEntry entry : state.cost().timeEntries()) {
            if (entry.outsidePeriod() || entry.afterClose()) {
                lines.add(entry.costLineId() + " (" + entry.hours().toPlainString() + " h on " + entry.date() + reason(entry.outsidePeriod(), entry.afterClose()) + ")");
                sequences.add(entry.sequence());
            }
        }
        for (Expense expense : state.cost().expenses()) {
            if (expense.outsidePeriod() || expense.afterClose()) {
                lines.add(expense.costLineId() + " (expense of " + expense.amount() + " on " + expense.date()
                        + reason(expense.outsidePeriod(), expense.afterClose()) + ")");
                sequences.add(expense.sequence());
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        String period = state.commissioning() == null ? "" : " " + state.commissioning().period();
        flags.add(new RedFlag(RedFlagCode.TIME_LOGGED_OUTSIDE_PERIOD, Severity.HIGH,
                lines.size() + " cost line(s) fall outside the engagement period" + period + " or after its close: " + String.join("; ", lines),
                sequences));
    }

    private static String reason(boolean outsidePeriod, boolean afterClose) {
        return (outsidePeriod ? ", outside the period" : "") + (afterClose ? ", recorded after the close" : "");
    }

    private static void coreWork(EngagementState state, List<RedFlag> flags) {
        Commissioning commissioning = state.commissioning();
        if (commissioning == null || !commissioning.coreWork()) {
            return;
        }
        boolean justified = commissioning.coreWorkJustification() != null && !commissioning.coreWorkJustification().isBlank();
        flags.add(new RedFlag(RedFlagCode.CORE_WORK_OUTSOURCED, justified ? Severity.MEDIUM : Severity.HIGH,
                "The engagement is core work of the agency, outsourced "
                        + (justified ? "with the justification: " + EventSummaries.text(commissioning.coreWorkJustification()) : "without a justification"),
                List.of(commissioning.sequence())));
    }

    private static void inHouseComparison(EngagementState state, List<RedFlag> flags) {
        Commissioning commissioning = state.commissioning();
        if (commissioning == null || hasCostComparison(commissioning)) {
            return;
        }
        flags.add(new RedFlag(RedFlagCode.NO_IN_HOUSE_COST_COMPARISON, Severity.MEDIUM,
                "No cost of an in-house alternative was recorded before deciding"
                        + (commissioning.inHouseAlternative() == null ? "" : " (alternative '" + EventSummaries.text(commissioning.inHouseAlternative().description())
                        + "' estimated at " + commissioning.inHouseAlternative().estimatedCost() + ")"),
                List.of(commissioning.sequence())));
    }

    /** An in-house alternative with an estimated cost above zero was recorded. */
    static boolean hasCostComparison(Commissioning commissioning) {
        return commissioning.inHouseAlternative() != null && commissioning.inHouseAlternative().estimatedCost() != null
                && commissioning.inHouseAlternative().estimatedCost().isPositive();
    }

    private static void unansweredFeedback(EngagementState state, List<RedFlag> flags) {
        Closure closure = state.closure();
        if (closure == null) {
            return;
        }
        List<Feedback> open = unansweredAtClose(state);
        if (open.isEmpty()) {
            return;
        }
        List<Long> sequences = new ArrayList<>(open.stream().map(Feedback::receivedSequence).toList());
        sequences.add(closure.sequence());
        flags.add(new RedFlag(RedFlagCode.FEEDBACK_UNANSWERED_AT_CLOSE, Severity.MEDIUM,
                open.size() + " piece(s) of feedback had no answer when the engagement was " + closure.status() + ": "
                        + open.stream().map(f -> f.feedbackId() + " from " + f.source()).collect(Collectors.joining(", ")),
                sequences));
    }

    /** Feedback without an answer recorded before the close (all unanswered feedback while open). */
    static List<Feedback> unansweredAtClose(EngagementState state) {
        long close = state.closure() == null ? Long.MAX_VALUE : state.closure().sequence();
        return state.feedback().stream().filter(f -> f.answer() == null || f.answer().sequence() > close).toList();
    }

    private static void inconsistentHistory(EngagementState state, List<RedFlag> flags) {
        if (state.anomalies().isEmpty()) {
            return;
        }
        flags.add(new RedFlag(RedFlagCode.HISTORY_INCONSISTENT, Severity.HIGH,
                state.anomalies().size() + " fact(s) in the history break the ledger's rules or contradict a recomputation; first: #"
                        + state.anomalies().get(0).sequence() + " " + state.anomalies().get(0).message(),
                state.anomalies().stream().map(Anomaly::sequence).toList()));
    }

    static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static String normalise(String capability) {
        return capability == null ? "" : capability.strip().toLowerCase(Locale.ROOT);
    }
}
