package org.engagementledger.audit;

import org.engagementledger.api.Money;
import org.engagementledger.api.engagement.*;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * One line of plain language per event, for timelines and reports. Free text from the event is folded
 * onto one line and shortened to {@value #MAX_TEXT} characters; the full text stays in the event.
 * Tolerates missing values (an audit reads whatever was stored).
 *
 * <p>Java 17 has no pattern matching over a sealed interface in {@code switch}; the chain below covers
 * every permitted event type, and {@code TimelineTest} fails when a new type is added without a summary.
 */
public final class EventSummaries {

    /** The longest piece of free text copied into a summary. */
    public static final int MAX_TEXT = 120;

    private EventSummaries() {
    }

    /** A one-line summary of the event. */
    public static String summarize(EngagementEvent event) {
        if (event instanceof EngagementCommissioned e) {
            return "Commissioned '" + text(e.title()) + "' from " + name(e.supplier()) + " for " + name(e.buyer())
                    + (e.buyerUnit() == null ? "" : " (" + text(e.buyerUnit()) + ")")
                    + ": ceiling " + e.ceiling() + ", period " + e.period() + ", reason " + e.reason()
                    + (e.coreWork() ? ", core work of the agency" : "")
                    + ", in-house alternative estimated at " + (e.inHouseAlternative() == null ? "nothing" : e.inHouseAlternative().estimatedCost());
        }
        if (event instanceof EngagementActivated e) {
            return "Activated: contract signed on " + e.contractSigned();
        }
        if (event instanceof RequirementAdded e) {
            return "Added requirement " + e.requirementId() + " (v1, stated by " + e.statedBy() + ", " + criteria(e.acceptanceCriteria())
                    + "): " + text(e.outcome());
        }
        if (event instanceof RequirementRevised e) {
            return "Revised requirement " + e.requirementId() + " to v" + e.version() + " (" + criteria(e.acceptanceCriteria()) + "): "
                    + text(e.outcome()) + "; reason: " + text(e.reason());
        }
        if (event instanceof RequirementWithdrawn e) {
            return "Withdrew requirement " + e.requirementId() + ": " + text(e.reason());
        }
        if (event instanceof FulfilmentSubmitted e) {
            return "Submitted fulfilment of requirement " + e.requirementId() + " v" + e.version() + ": " + text(e.evidence());
        }
        if (event instanceof FulfilmentAccepted e) {
            return "Accepted fulfilment of requirement " + e.requirementId() + " v" + e.version() + " against "
                    + criteria(e.acceptanceCriteria()) + ": " + text(e.assessment());
        }
        if (event instanceof FulfilmentRejected e) {
            return "Rejected fulfilment of requirement " + e.requirementId() + " v" + e.version() + ": " + text(e.reason());
        }
        if (event instanceof CapabilityTargetDefined e) {
            return "Defined capability target " + e.targetId() + ": " + text(e.capability()) + " for " + text(e.recipientTeam())
                    + ", from level " + e.baselineLevel() + " to " + e.targetLevel();
        }
        if (event instanceof TransferActivityRecorded e) {
            return "Recorded " + e.kind() + " for " + e.targetId() + " on " + e.date() + ": " + hours(e.hours()) + " h with "
                    + e.participants() + " participant" + (e.participants() == 1 ? "" : "s") + "; " + text(e.description());
        }
        if (event instanceof CapabilityAssessed e) {
            return "Assessed " + e.targetId() + " at level " + e.level() + ": " + text(e.evidence());
        }
        if (event instanceof TimeLogged e) {
            return "Logged " + hours(e.hours()) + " h of " + e.category() + " by " + text(e.person()) + " at " + e.hourlyRate()
                    + "/h = " + e.amount() + " (" + e.date() + (e.requirementId() == null ? "" : ", " + e.requirementId()) + ")";
        }
        if (event instanceof ExpenseRecorded e) {
            return "Recorded expense of " + e.amount() + " (" + e.category() + ") on " + e.date() + ": " + text(e.description());
        }
        if (event instanceof InvoiceRegistered e) {
            return "Registered invoice " + e.invoiceId() + " of " + e.amount() + " issued " + e.issued() + " for "
                    + (e.billedRequirements() == null || e.billedRequirements().isEmpty() ? "no requirement" : join(e.billedRequirements()))
                    + (e.backedByAcceptedDeliverable() ? " (backed by an accepted deliverable)" : " (NOT backed by an accepted deliverable)");
        }
        if (event instanceof InvoiceAccepted e) {
            return "Accepted invoice " + e.invoiceId() + " of " + e.amount() + " for payment";
        }
        if (event instanceof InvoiceDisputed e) {
            return "Disputed invoice " + e.invoiceId() + ": " + text(e.reason());
        }
        if (event instanceof CeilingAmended e) {
            return "Amended ceiling (" + e.amendmentId() + ") from " + e.previousCeiling() + " to " + e.newCeiling()
                    + delta(e.previousCeiling(), e.newCeiling()) + " at the request of " + text(e.requestedBy()) + ": " + text(e.rationale());
        }
        if (event instanceof RightsHolderImpactRecorded e) {
            return "Recorded impact on " + text(e.group()) + " (rights: " + join(e.rightsEngaged()) + "; non-discrimination "
                    + e.assessment() + "); participation: " + text(e.participation())
                    + (e.participants().isEmpty() ? "" : "; participants: " + join(e.participants().stream().map(p -> p.subject()).toList()));
        }
        if (event instanceof FeedbackReceived e) {
            return "Received feedback " + e.feedbackId() + " from " + e.source()
                    + (e.givenBy() == null ? "" : " (data subject " + e.givenBy() + ")")
                    + (e.linkedRequirement() == null ? "" : " on " + e.linkedRequirement()) + ": " + text(e.observation());
        }
        if (event instanceof FeedbackAnswered e) {
            return "Answered feedback " + e.feedbackId() + ": " + text(e.response()) + "; decision: " + text(e.decision());
        }
        if (event instanceof ConflictOfInterestDeclared e) {
            return "Declared " + e.nature() + " conflict of interest " + e.declarationId() + " of " + text(e.declarant()) + ", "
                    + e.timing() + ": " + text(e.description()) + "; mitigation: " + text(e.mitigation());
        }
        if (event instanceof DecisionRecorded e) {
            return "Decided (" + e.decisionId() + ", " + e.decidedOn() + "): " + text(e.subject()) + "; rationale: " + text(e.rationale());
        }
        if (event instanceof MilestoneScheduled e) {
            return "Scheduled milestone " + e.milestoneId() + " '" + text(e.title()) + "' due " + e.dueDate();
        }
        if (event instanceof MilestoneOutcomeRecorded e) {
            return "Milestone " + e.milestoneId() + " " + e.status() + (e.dateMet() == null ? "" : " on " + e.dateMet())
                    + (e.note() == null ? "" : ": " + text(e.note()));
        }
        if (event instanceof EngagementCompleted e) {
            List<CapabilityAchievement> achieved = e.capabilityAchieved() == null ? List.of() : e.capabilityAchieved();
            long met = achieved.stream().filter(CapabilityAchievement::met).count();
            return "Completed: final cost " + e.finalCost() + "; " + met + " of " + achieved.size() + " capability targets met"
                    + (e.evaluation() == null ? "" : "; agency can continue alone: " + (e.evaluation().agencyCanContinueAlone() ? "yes" : "no"));
        }
        if (event instanceof EngagementTerminated e) {
            return "Terminated: " + text(e.reason()) + "; final cost " + e.finalCost();
        }
        if (event instanceof AuditorNoteAdded e) {
            return "Auditor's note: " + text(e.note());
        }
        if (event instanceof DataSubjectErased e) {
            return "Erased the personal data of data subject " + e.subject() + " (" + e.ground() + "): its key is destroyed and its"
                    + " personal fields read '" + org.engagementledger.api.PersonalData.REPLACEMENT + "'";
        }
        throw new IllegalStateException("no summary for event type " + event.getClass().getName());
    }

    /** Free text on one line, shortened to {@link #MAX_TEXT} characters. */
    static String text(String value) {
        if (value == null) {
            return "-";
        }
        String line = value.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT - 1) + "…";
    }

    private static String name(org.engagementledger.api.Party party) {
        return party == null ? "-" : text(party.name());
    }

    private static String hours(BigDecimal hours) {
        return hours == null ? "-" : hours.toPlainString();
    }

    private static String criteria(List<String> criteria) {
        int n = criteria == null ? 0 : criteria.size();
        return n == 0 ? "no acceptance criteria" : n + " acceptance criteri" + (n == 1 ? "on" : "a");
    }

    private static String join(Collection<?> values) {
        if (values == null || values.isEmpty()) {
            return "-";
        }
        return text(String.join(", ", values.stream().map(String::valueOf).toList()));
    }

    private static String delta(Money before, Money after) {
        if (before == null || after == null || !before.isSameCurrency(after)) {
            return "";
        }
        Money change = after.minus(before);
        return " (" + (change.isNegative() ? "" : "+") + change + ")";
    }
}
