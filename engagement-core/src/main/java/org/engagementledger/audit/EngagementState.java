package org.engagementledger.audit;

import org.axonframework.eventhandling.DomainEventMessage;
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
import org.engagementledger.api.engagement.CapabilityAchievement;
import org.engagementledger.api.engagement.ConflictNature;
import org.engagementledger.api.engagement.ConsultantReason;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.DeclarationTiming;
import org.engagementledger.api.engagement.EngagementStatus;
import org.engagementledger.api.engagement.ErasureGround;
import org.engagementledger.api.engagement.Evaluation;
import org.engagementledger.api.engagement.FeedbackSource;
import org.engagementledger.api.engagement.InHouseAlternative;
import org.engagementledger.api.engagement.InvoiceStatus;
import org.engagementledger.api.engagement.MilestoneStatus;
import org.engagementledger.api.engagement.NonDiscriminationAssessment;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.engagement.StatedBy;
import org.engagementledger.api.engagement.TransferActivityKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An engagement as it stood at a point of its history, rebuilt from the stored events alone (a plain
 * fold over the sealed {@code EngagementEvent}s: no read model, no aggregate). Everything an auditor
 * needs is here, each part with the sequence numbers of the events it comes from, plus the red flags
 * as of that point.
 *
 * <p>The fold does not trust the writer: it recomputes what the writer also recorded (invoice backing,
 * capability achievement, final cost, costs per rate) and lists every disagreement or impossibility it
 * meets as an {@link Anomaly} instead of failing. Immutable and deterministic: lists are in event order,
 * maps in enum order.
 *
 * <p>Values that do not exist yet at the cut-off are {@code null}: {@code status}, {@code commissioning}
 * and {@code ceiling} before the commissioning event, {@code activation} before the award,
 * {@code closure} while open.
 *
 * @param redFlags the red flags of this engagement alone as of the cut-off, with default or given
 *                 thresholds; flags that need other engagements (repeat engagements) are only raised by
 *                 {@link EngagementAudit}
 */
public record EngagementState(
        EngagementId engagementId,
        Cut cut,
        EngagementStatus status,
        Commissioning commissioning,
        Activation activation,
        Ceiling ceiling,
        Cost cost,
        List<Invoice> invoices,
        List<Requirement> requirements,
        List<CapabilityTarget> capabilityTargets,
        List<Milestone> milestones,
        List<Feedback> feedback,
        List<Conflict> conflicts,
        List<Decision> decisions,
        List<Impact> impacts,
        Closure closure,
        List<Note> auditorNotes,
        List<Erasure> erasures,
        List<Anomaly> anomalies,
        List<RedFlag> redFlags) {

    public EngagementState {
        invoices = List.copyOf(invoices);
        requirements = List.copyOf(requirements);
        capabilityTargets = List.copyOf(capabilityTargets);
        milestones = List.copyOf(milestones);
        feedback = List.copyOf(feedback);
        conflicts = List.copyOf(conflicts);
        decisions = List.copyOf(decisions);
        impacts = List.copyOf(impacts);
        auditorNotes = List.copyOf(auditorNotes);
        erasures = List.copyOf(erasures);
        anomalies = List.copyOf(anomalies);
        redFlags = List.copyOf(redFlags);
    }

    // ---- factories --------------------------------------------------------------------------------------

    /** The state after the whole history, with the default red-flag thresholds. */
    public static EngagementState of(EngagementHistory history) {
        return of(history, RedFlagThresholds.DEFAULTS);
    }

    /** The state after the whole history. */
    public static EngagementState of(EngagementHistory history, RedFlagThresholds thresholds) {
        return EngagementFold.fold(history, null, null, thresholds);
    }

    /** The state after every event recorded at or before {@code instant} (inclusive). */
    public static EngagementState asOf(List<? extends DomainEventMessage<?>> events, Instant instant) {
        return asOf(EngagementHistory.of(events), instant, RedFlagThresholds.DEFAULTS);
    }

    /** The state after every event recorded at or before {@code instant} (inclusive). */
    public static EngagementState asOf(EngagementHistory history, Instant instant) {
        return asOf(history, instant, RedFlagThresholds.DEFAULTS);
    }

    public static EngagementState asOf(EngagementHistory history, Instant instant, RedFlagThresholds thresholds) {
        return EngagementFold.fold(history.upTo(instant), instant, null, thresholds);
    }

    /** The state just after the event with sequence number {@code sequence} (events 0..sequence applied). */
    public static EngagementState afterSequence(List<? extends DomainEventMessage<?>> events, long sequence) {
        return afterSequence(EngagementHistory.of(events), sequence, RedFlagThresholds.DEFAULTS);
    }

    /** The state just after the event with sequence number {@code sequence} (events 0..sequence applied). */
    public static EngagementState afterSequence(EngagementHistory history, long sequence) {
        return afterSequence(history, sequence, RedFlagThresholds.DEFAULTS);
    }

    public static EngagementState afterSequence(EngagementHistory history, long sequence, RedFlagThresholds thresholds) {
        return EngagementFold.fold(history.upToSequence(sequence), null, sequence, thresholds);
    }

    // ---- look-ups (not part of the JSON form) -----------------------------------------------------------------

    public Optional<Requirement> requirement(RequirementId id) {
        return requirements.stream().filter(r -> r.requirementId().equals(id)).findFirst();
    }

    public Optional<CapabilityTarget> capabilityTarget(CapabilityTargetId id) {
        return capabilityTargets.stream().filter(t -> t.targetId().equals(id)).findFirst();
    }

    public Optional<Invoice> invoice(InvoiceId id) {
        return invoices.stream().filter(i -> i.invoiceId().equals(id)).findFirst();
    }

    public Optional<Milestone> milestone(MilestoneId id) {
        return milestones.stream().filter(m -> m.milestoneId().equals(id)).findFirst();
    }

    public Optional<Feedback> feedbackItem(FeedbackId id) {
        return feedback.stream().filter(f -> f.feedbackId().equals(id)).findFirst();
    }

    /** Completed or terminated as of the cut-off. */
    public boolean closed() {
        return closure != null;
    }

    /** The same state with other red flags (the fold computes the state first, then its flags). */
    EngagementState withRedFlags(List<RedFlag> flags) {
        return new EngagementState(engagementId, cut, status, commissioning, activation, ceiling, cost, invoices, requirements,
                capabilityTargets, milestones, feedback, conflicts, decisions, impacts, closure, auditorNotes, erasures, anomalies, flags);
    }

    // ---- parts ------------------------------------------------------------------------------------------------

    /**
     * Where the history was cut.
     *
     * @param asOf          the requested instant, or {@code null}
     * @param afterSequence the requested sequence number, or {@code null}
     * @param eventCount    how many events were applied
     * @param lastSequence  the sequence number of the last applied event, -1 when none
     * @param lastEventAt   when the last applied event was recorded, {@code null} when none
     */
    public record Cut(Instant asOf, Long afterSequence, int eventCount, long lastSequence, Instant lastEventAt) {
    }

    /** The decision to hire, as recorded by the commissioning event (auditor questions 1, 2 and 9). */
    public record Commissioning(long sequence, Instant at, Actor by, Party buyer, String buyerUnit, Party supplier, String title,
                                String problem, String intendedOutcome, ConsultantReason reason, boolean coreWork,
                                String coreWorkJustification, InHouseAlternative inHouseAlternative, List<String> rightsHolderGroups,
                                Period period, String procurementReference) {
        public Commissioning {
            rightsHolderGroups = rightsHolderGroups == null ? List.of() : List.copyOf(rightsHolderGroups);
        }
    }

    /** The award: the contract was signed. */
    public record Activation(long sequence, Instant at, Actor by, LocalDate contractSigned) {
    }

    /**
     * The budget ceiling and how it was amended.
     *
     * @param netChange     current minus original
     * @param growthPercent net change as a percentage of the original ceiling (two decimals, half up)
     */
    public record Ceiling(Money original, Money current, Money netChange, BigDecimal growthPercent, List<Amendment> amendments) {
        public Ceiling {
            amendments = List.copyOf(amendments);
        }
    }

    /** One ceiling amendment; {@code approvedBy} is the actor who recorded it. */
    public record Amendment(long sequence, Instant at, Actor approvedBy, AmendmentId amendmentId, Money previousCeiling,
                            Money newCeiling, Money change, String rationale, String requestedBy) {
    }

    /**
     * Cost committed by time entries and expenses, and what was invoiced against it.
     *
     * @param byCategory         committed cost per category (every category, zero when none)
     * @param hoursByCategory    hours logged per category (every category)
     * @param invoiced           invoices not disputed
     * @param acceptedForPayment invoices accepted for payment
     * @param overTime           committed cost and ceiling after each cost or ceiling event (for charts)
     */
    public record Cost(Money committed, Map<CostCategory, Money> byCategory, Map<CostCategory, BigDecimal> hoursByCategory,
                       Money invoiced, Money acceptedForPayment, List<TimeEntry> timeEntries, List<Expense> expenses,
                       List<CostPoint> overTime) {
        public Cost {
            byCategory = Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
            hoursByCategory = Collections.unmodifiableMap(new LinkedHashMap<>(hoursByCategory));
            timeEntries = List.copyOf(timeEntries);
            expenses = List.copyOf(expenses);
            overTime = List.copyOf(overTime);
        }
    }

    /**
     * One time entry.
     *
     * @param outsidePeriod its date lies outside the engagement period
     * @param afterClose    it was recorded after the engagement was completed or terminated
     */
    public record TimeEntry(long sequence, Instant at, Actor loggedBy, CostLineId costLineId, String person, String personRole,
                            LocalDate date, BigDecimal hours, Money hourlyRate, Money amount, CostCategory category,
                            RequirementId requirementId, String description, boolean outsidePeriod, boolean afterClose) {
    }

    /** One expense; flags as for {@link TimeEntry}. */
    public record Expense(long sequence, Instant at, Actor recordedBy, CostLineId costLineId, LocalDate date, Money amount,
                          CostCategory category, String description, boolean outsidePeriod, boolean afterClose) {
    }

    /** Committed cost and ceiling just after one event. */
    public record CostPoint(long sequence, Instant at, Money committed, Money ceiling) {
    }

    /**
     * One invoice.
     *
     * @param backedAsRecorded            what the writer recorded in {@code InvoiceRegistered}
     * @param backedByAcceptedDeliverable recomputed from the events: a billed requirement had an accepted
     *                                    fulfilment when the invoice was registered
     */
    public record Invoice(InvoiceId invoiceId, LocalDate issued, Money amount, List<RequirementId> billedRequirements,
                          boolean backedAsRecorded, boolean backedByAcceptedDeliverable, InvoiceStatus status,
                          long registeredSequence, Instant registeredAt, Actor registeredBy, Long acceptedSequence,
                          Actor acceptedBy, Long disputedSequence, String disputeReason) {
        public Invoice {
            billedRequirements = List.copyOf(billedRequirements);
        }

        /** Both the recorded flag and the recomputation say it was backed. */
        public boolean backed() {
            return backedAsRecorded && backedByAcceptedDeliverable;
        }
    }

    /**
     * One requirement with its full history.
     *
     * @param recordedBy the actor who added it (its provenance is {@code statedBy})
     * @param versions   every version, the first included ({@code reason} is null for version 1)
     * @param fulfilment every submission, decision and withdrawal, in order
     * @param accepted   the accepting decision, or {@code null}
     * @param sequences  every event about this requirement
     */
    public record Requirement(RequirementId requirementId, int version, RequirementStatus status, StatedBy statedBy,
                              Actor recordedBy, String outcome, List<String> acceptanceCriteria, String verificationMethod,
                              List<RequirementVersion> versions, List<FulfilmentStep> fulfilment, FulfilmentStep accepted,
                              List<Long> sequences) {
        public Requirement {
            acceptanceCriteria = List.copyOf(acceptanceCriteria);
            versions = List.copyOf(versions);
            fulfilment = List.copyOf(fulfilment);
            sequences = List.copyOf(sequences);
        }

        /** True when the current version has no acceptance criteria. */
        public boolean lacksCriteria() {
            return acceptanceCriteria.isEmpty();
        }
    }

    /** One version of a requirement and who stated or changed it. */
    public record RequirementVersion(int version, long sequence, Instant at, Actor by, String outcome, List<String> acceptanceCriteria,
                                     String verificationMethod, String reason) {
        public RequirementVersion {
            acceptanceCriteria = List.copyOf(acceptanceCriteria);
        }
    }

    public enum FulfilmentStepKind { SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN }

    /**
     * One step of a requirement's fulfilment.
     *
     * @param text               evidence (submitted), assessment (accepted) or reason (rejected, withdrawn)
     * @param acceptanceCriteria the criteria it was accepted against (accepted only, otherwise empty)
     */
    public record FulfilmentStep(long sequence, Instant at, Actor by, FulfilmentStepKind kind, int version, String text,
                                 List<String> acceptanceCriteria) {
        public FulfilmentStep {
            acceptanceCriteria = List.copyOf(acceptanceCriteria);
        }
    }

    /**
     * One capability target with its transfer activities and assessments.
     *
     * @param assessedLevel the latest assessment, or {@code null} when never assessed
     * @param met           the latest assessment reached the target level
     */
    public record CapabilityTarget(CapabilityTargetId targetId, String capability, String recipientTeam, int baselineLevel,
                                   int targetLevel, Integer assessedLevel, boolean met, BigDecimal transferHours,
                                   List<TransferActivity> activities, List<Assessment> assessments, long definedSequence,
                                   Instant definedAt, Actor definedBy) {
        public CapabilityTarget {
            activities = List.copyOf(activities);
            assessments = List.copyOf(assessments);
        }
    }

    public record TransferActivity(long sequence, Instant at, Actor recordedBy, TransferActivityKind kind, LocalDate date,
                                   BigDecimal hours, int participants, String description) {
    }

    public record Assessment(long sequence, Instant at, Actor assessor, int level, String evidence) {
    }

    /** One milestone; {@code acceptedBy} recorded its latest outcome. */
    public record Milestone(MilestoneId milestoneId, String title, LocalDate dueDate, MilestoneStatus status, LocalDate dateMet,
                            String note, Actor acceptedBy, long scheduledSequence, List<MilestoneOutcome> outcomes) {
        public Milestone {
            outcomes = List.copyOf(outcomes);
        }
    }

    public record MilestoneOutcome(long sequence, Instant at, Actor by, MilestoneStatus status, LocalDate dateMet, String note) {
    }

    /**
     * One piece of feedback; {@code answer} is {@code null} while unanswered. {@code observation} is personal data
     * of {@code givenBy} ({@code null} for feedback recorded before subjects were named): after the subject's
     * erasure it reads {@link org.engagementledger.api.PersonalData#REPLACEMENT}.
     */
    public record Feedback(FeedbackId feedbackId, FeedbackSource source, String observation, RequirementId linkedRequirement,
                           DataSubjectId givenBy, long receivedSequence, Instant receivedAt, Actor recordedBy, Answer answer) {
    }

    /** The agency's answer to feedback; {@code decidedBy} is the actor who recorded it. */
    public record Answer(long sequence, Instant at, Actor decidedBy, String response, String decision) {
    }

    /**
     * One conflict-of-interest declaration.
     *
     * @param timing             as declared
     * @param declaredAfterAward recomputed: the declaration comes after the award (activation) in the history
     */
    public record Conflict(DeclarationId declarationId, String declarant, ConflictNature nature, String description,
                           String mitigation, DeclarationTiming timing, boolean declaredAfterAward, long sequence, Instant at,
                           Actor declaredBy) {
    }

    public record Decision(DecisionId decisionId, String subject, String rationale, LocalDate decidedOn, long sequence, Instant at,
                           Actor decidedBy) {
    }

    /** How the engagement affects one rights-holder group. */
    public record Impact(String group, List<String> rightsEngaged, String participation, NonDiscriminationAssessment assessment,
                         String assessmentNote, String remedyChannel, long sequence, Instant at, Actor recordedBy) {
        public Impact {
            rightsEngaged = rightsEngaged == null ? List.of() : List.copyOf(rightsEngaged);
        }
    }

    /**
     * How the engagement closed.
     *
     * @param evaluation                   the evaluation (completed only)
     * @param capabilityAchievedAsRecorded what the writer computed at completion (empty when terminated)
     * @param finalCostAsRecorded          what the writer recorded as final cost
     * @param terminationReason            terminated only
     */
    public record Closure(EngagementStatus status, long sequence, Instant at, Actor closedBy, Evaluation evaluation,
                          List<CapabilityAchievement> capabilityAchievedAsRecorded, Money finalCostAsRecorded,
                          String terminationReason) {
        public Closure {
            capabilityAchievedAsRecorded = capabilityAchievedAsRecorded == null ? List.of() : List.copyOf(capabilityAchievedAsRecorded);
        }
    }

    public record Note(long sequence, Instant at, Actor by, String note) {
    }

    /** The personal data of a data subject was erased from this engagement (its key destroyed), by {@code by}. */
    public record Erasure(DataSubjectId subject, ErasureGround ground, long sequence, Instant at, Actor by) {
    }

    /** Something in the history that the ledger's own rules would not have written, or a disagreement with a recomputation. */
    public record Anomaly(long sequence, String message) {
    }
}
