package org.engagementledger.audit;

import org.engagementledger.api.Actor;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.MilestoneId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Period;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.*;
import org.engagementledger.audit.EngagementState.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.engagementledger.api.Role.AGENCY_BUYER;
import static org.engagementledger.api.Role.AGENCY_STAFF;
import static org.engagementledger.api.Role.AUDITOR;
import static org.engagementledger.api.Role.CONSULTANT;

/**
 * The fold behind {@link EngagementState}: applies events one by one in sequence order, then takes an
 * immutable snapshot. It never throws on what it reads; whatever the aggregate's rules would have
 * refused is recorded as an anomaly and applied as far as it makes sense.
 */
final class EngagementFold {

    /** Who may cause each event, as the aggregate's command handlers allow it. */
    static final Map<Class<? extends EngagementEvent>, Set<Role>> ALLOWED_ROLES = allowedRoles();

    private final EngagementId engagementId;
    private int eventCount;
    private long lastSequence = -1;
    private Instant lastEventAt;

    private EngagementStatus status;
    private Commissioning commissioning;
    private Activation activation;
    private Currency currency;
    private Money originalCeiling;
    private Money currentCeiling;
    private final List<Amendment> amendments = new ArrayList<>();

    private Money committed;
    private final Map<CostCategory, Money> byCategory = new EnumMap<>(CostCategory.class);
    private final Map<CostCategory, BigDecimal> hoursByCategory = new EnumMap<>(CostCategory.class);
    private final List<TimeEntry> timeEntries = new ArrayList<>();
    private final List<Expense> expenses = new ArrayList<>();
    private final List<CostPoint> costPoints = new ArrayList<>();

    private final Map<InvoiceId, InvoiceDraft> invoices = new LinkedHashMap<>();
    private final Map<RequirementId, RequirementDraft> requirements = new LinkedHashMap<>();
    private final Map<CapabilityTargetId, TargetDraft> targets = new LinkedHashMap<>();
    private final Map<MilestoneId, MilestoneDraft> milestones = new LinkedHashMap<>();
    private final Map<FeedbackId, Feedback> feedback = new LinkedHashMap<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final List<Impact> impacts = new ArrayList<>();
    private Closure closure;
    private final List<Note> notes = new ArrayList<>();
    private final List<Erasure> erasures = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();

    private EngagementFold(EngagementId engagementId) {
        this.engagementId = engagementId;
    }

    static EngagementState fold(EngagementHistory history, Instant asOf, Long afterSequence, RedFlagThresholds thresholds) {
        EngagementFold fold = new EngagementFold(history.engagementId());
        history.events().forEach(fold::apply);
        EngagementState state = fold.snapshot(asOf, afterSequence);
        return state.withRedFlags(RedFlags.evaluate(state, List.of(), thresholds));
    }

    // ---- applying one event -------------------------------------------------------------------------------------

    private void apply(AuditedEvent e) {
        eventCount++;
        lastSequence = e.sequence();
        lastEventAt = e.timestamp();
        EngagementEvent event = e.event();
        if (commissioning == null && !(event instanceof EngagementCommissioned)) {
            anomaly(e, e.eventType() + " recorded before the engagement was commissioned");
        }
        if (closure != null && !(event instanceof AuditorNoteAdded) && !(event instanceof DataSubjectErased)) {
            anomaly(e, e.eventType() + " recorded after the engagement was " + closure.status());
        }
        checkActor(e);

        if (event instanceof EngagementCommissioned x) {
            commissioned(e, x);
        } else if (event instanceof EngagementActivated x) {
            activated(e, x);
        } else if (event instanceof RequirementAdded x) {
            requirementAdded(e, x);
        } else if (event instanceof RequirementRevised x) {
            requirementRevised(e, x);
        } else if (event instanceof RequirementWithdrawn x) {
            requirementWithdrawn(e, x);
        } else if (event instanceof FulfilmentSubmitted x) {
            fulfilmentSubmitted(e, x);
        } else if (event instanceof FulfilmentAccepted x) {
            fulfilmentAccepted(e, x);
        } else if (event instanceof FulfilmentRejected x) {
            fulfilmentRejected(e, x);
        } else if (event instanceof CapabilityTargetDefined x) {
            targetDefined(e, x);
        } else if (event instanceof TransferActivityRecorded x) {
            transferActivity(e, x);
        } else if (event instanceof CapabilityAssessed x) {
            capabilityAssessed(e, x);
        } else if (event instanceof TimeLogged x) {
            timeLogged(e, x);
        } else if (event instanceof ExpenseRecorded x) {
            expenseRecorded(e, x);
        } else if (event instanceof InvoiceRegistered x) {
            invoiceRegistered(e, x);
        } else if (event instanceof InvoiceAccepted x) {
            invoiceAccepted(e, x);
        } else if (event instanceof InvoiceDisputed x) {
            invoiceDisputed(e, x);
        } else if (event instanceof CeilingAmended x) {
            ceilingAmended(e, x);
        } else if (event instanceof RightsHolderImpactRecorded x) {
            impacts.add(new Impact(x.group(), x.rightsEngaged(), x.participation(), x.assessment(), x.assessmentNote(),
                    x.remedyChannel(), e.sequence(), e.timestamp(), e.actor()));
        } else if (event instanceof FeedbackReceived x) {
            feedbackReceived(e, x);
        } else if (event instanceof FeedbackAnswered x) {
            feedbackAnswered(e, x);
        } else if (event instanceof ConflictOfInterestDeclared x) {
            conflictDeclared(e, x);
        } else if (event instanceof DecisionRecorded x) {
            decisions.add(new Decision(x.decisionId(), x.subject(), x.rationale(), x.decidedOn(), e.sequence(), e.timestamp(), e.actor()));
        } else if (event instanceof MilestoneScheduled x) {
            milestoneScheduled(e, x);
        } else if (event instanceof MilestoneOutcomeRecorded x) {
            milestoneOutcome(e, x);
        } else if (event instanceof EngagementCompleted x) {
            completed(e, x);
        } else if (event instanceof EngagementTerminated x) {
            terminated(e, x);
        } else if (event instanceof AuditorNoteAdded x) {
            notes.add(new Note(e.sequence(), e.timestamp(), e.actor(), x.note()));
        } else if (event instanceof DataSubjectErased x) {
            erasures.add(new Erasure(x.subject(), x.ground(), e.sequence(), e.timestamp(), e.actor()));
        } else {
            throw new IllegalStateException("no fold for event type " + event.getClass().getName());
        }
    }

    private void commissioned(AuditedEvent e, EngagementCommissioned x) {
        if (commissioning != null) {
            anomaly(e, "the engagement was commissioned a second time; the first commissioning (#" + commissioning.sequence() + ") stands");
            return;
        }
        commissioning = new Commissioning(e.sequence(), e.timestamp(), e.actor(), x.buyer(), x.buyerUnit(), x.supplier(), x.title(),
                x.problem(), x.intendedOutcome(), x.reason(), x.coreWork(), x.coreWorkJustification(), x.inHouseAlternative(),
                x.rightsHolderGroups(), x.period(), x.procurementReference());
        status = EngagementStatus.COMMISSIONED;
        if (x.ceiling() != null) {
            useCurrency(x.ceiling().currency());
            originalCeiling = x.ceiling();
            currentCeiling = x.ceiling();
            costPoints.add(new CostPoint(e.sequence(), e.timestamp(), committed, currentCeiling));
        } else {
            anomaly(e, "no budget ceiling was recorded");
        }
        if (x.coreWork() && isBlank(x.coreWorkJustification())) {
            anomaly(e, "core work was commissioned without a justification");
        }
        if (x.buyer() != null && x.supplier() != null && Objects.equals(x.buyer().id(), x.supplier().id())) {
            anomaly(e, "buyer and supplier are the same party '" + x.buyer().id() + "'");
        }
    }

    private void activated(AuditedEvent e, EngagementActivated x) {
        if (activation != null) {
            anomaly(e, "the engagement was activated a second time; the first activation (#" + activation.sequence() + ") stands");
            return;
        }
        activation = new Activation(e.sequence(), e.timestamp(), e.actor(), x.contractSigned());
        if (closure == null) {
            status = EngagementStatus.ACTIVE;
        }
        Period period = period();
        if (period != null && x.contractSigned() != null && x.contractSigned().isAfter(period.end())) {
            anomaly(e, "contract signed on " + x.contractSigned() + ", after the engagement period " + period);
        }
    }

    // ---- requirements -----------------------------------------------------------------------------------------

    private void requirementAdded(AuditedEvent e, RequirementAdded x) {
        if (requirements.containsKey(x.requirementId())) {
            anomaly(e, "requirement " + x.requirementId() + " was added a second time; ignored");
            return;
        }
        List<String> criteria = list(x.acceptanceCriteria());
        if (x.lacksAcceptanceCriteria() != criteria.isEmpty()) {
            anomaly(e, "requirement " + x.requirementId() + " records lacksAcceptanceCriteria=" + x.lacksAcceptanceCriteria()
                    + " but has " + criteria.size() + " criteria");
        }
        if (e.actor() != null && e.actor().role() == CONSULTANT && x.statedBy() != StatedBy.CONSULTANT) {
            anomaly(e, "a consultant recorded requirement " + x.requirementId() + " as stated by " + x.statedBy());
        }
        RequirementDraft draft = new RequirementDraft(x.requirementId(), x.statedBy(), e.actor());
        draft.outcome = x.outcome();
        draft.criteria = criteria;
        draft.verificationMethod = x.verificationMethod();
        draft.versions.add(new RequirementVersion(1, e.sequence(), e.timestamp(), e.actor(), x.outcome(), criteria,
                x.verificationMethod(), null));
        draft.sequences.add(e.sequence());
        requirements.put(x.requirementId(), draft);
    }

    private void requirementRevised(AuditedEvent e, RequirementRevised x) {
        RequirementDraft draft = requirement(e, x.requirementId());
        if (draft == null) {
            return;
        }
        if (!draft.awaitingFulfilment()) {
            anomaly(e, "requirement " + draft.id + " was revised while " + draft.status);
        }
        if (x.version() != draft.version + 1) {
            anomaly(e, "requirement " + draft.id + " was revised to v" + x.version() + " from v" + draft.version);
        }
        List<String> criteria = list(x.acceptanceCriteria());
        if (x.lacksAcceptanceCriteria() != criteria.isEmpty()) {
            anomaly(e, "requirement " + draft.id + " v" + x.version() + " records lacksAcceptanceCriteria="
                    + x.lacksAcceptanceCriteria() + " but has " + criteria.size() + " criteria");
        }
        draft.version = x.version();
        draft.outcome = x.outcome();
        draft.criteria = criteria;
        draft.verificationMethod = x.verificationMethod();
        draft.status = RequirementStatus.OPEN;
        draft.versions.add(new RequirementVersion(x.version(), e.sequence(), e.timestamp(), e.actor(), x.outcome(), criteria,
                x.verificationMethod(), x.reason()));
        draft.sequences.add(e.sequence());
    }

    private void requirementWithdrawn(AuditedEvent e, RequirementWithdrawn x) {
        RequirementDraft draft = requirement(e, x.requirementId());
        if (draft == null) {
            return;
        }
        if (draft.status == RequirementStatus.ACCEPTED || draft.status == RequirementStatus.WITHDRAWN) {
            anomaly(e, "requirement " + draft.id + " was withdrawn while " + draft.status);
        }
        draft.status = RequirementStatus.WITHDRAWN;
        draft.step(e, FulfilmentStepKind.WITHDRAWN, draft.version, x.reason(), List.of());
    }

    private void fulfilmentSubmitted(AuditedEvent e, FulfilmentSubmitted x) {
        requireAwarded(e);
        RequirementDraft draft = requirement(e, x.requirementId());
        if (draft == null) {
            return;
        }
        if (!draft.awaitingFulfilment()) {
            anomaly(e, "fulfilment of requirement " + draft.id + " was submitted while " + draft.status);
        }
        checkVersion(e, draft, x.version());
        draft.status = RequirementStatus.FULFILMENT_SUBMITTED;
        draft.step(e, FulfilmentStepKind.SUBMITTED, x.version(), x.evidence(), List.of());
    }

    private void fulfilmentAccepted(AuditedEvent e, FulfilmentAccepted x) {
        requireAwarded(e);
        RequirementDraft draft = requirement(e, x.requirementId());
        if (draft == null) {
            return;
        }
        if (draft.status != RequirementStatus.FULFILMENT_SUBMITTED) {
            anomaly(e, "fulfilment of requirement " + draft.id + " was accepted while " + draft.status + ", without a submission");
        }
        checkVersion(e, draft, x.version());
        draft.status = RequirementStatus.ACCEPTED;
        draft.accepted = draft.step(e, FulfilmentStepKind.ACCEPTED, x.version(), x.assessment(), list(x.acceptanceCriteria()));
    }

    private void fulfilmentRejected(AuditedEvent e, FulfilmentRejected x) {
        requireAwarded(e);
        RequirementDraft draft = requirement(e, x.requirementId());
        if (draft == null) {
            return;
        }
        if (draft.status != RequirementStatus.FULFILMENT_SUBMITTED) {
            anomaly(e, "fulfilment of requirement " + draft.id + " was rejected while " + draft.status + ", without a submission");
        }
        checkVersion(e, draft, x.version());
        draft.status = RequirementStatus.REJECTED;
        draft.step(e, FulfilmentStepKind.REJECTED, x.version(), x.reason(), List.of());
    }

    private void checkVersion(AuditedEvent e, RequirementDraft draft, int version) {
        if (version != draft.version) {
            anomaly(e, e.eventType() + " names v" + version + " of requirement " + draft.id + ", whose current version is v" + draft.version);
        }
    }

    // ---- capability -------------------------------------------------------------------------------------------

    private void targetDefined(AuditedEvent e, CapabilityTargetDefined x) {
        if (targets.containsKey(x.targetId())) {
            anomaly(e, "capability target " + x.targetId() + " was defined a second time; ignored");
            return;
        }
        if (x.targetLevel() <= x.baselineLevel()) {
            anomaly(e, "capability target " + x.targetId() + " has target level " + x.targetLevel() + " not above baseline " + x.baselineLevel());
        }
        targets.put(x.targetId(), new TargetDraft(x, e));
    }

    private void transferActivity(AuditedEvent e, TransferActivityRecorded x) {
        requireAwarded(e);
        TargetDraft target = target(e, x.targetId());
        if (target == null) {
            return;
        }
        checkWithinPeriod(e, "transfer activity", x.date());
        target.activities.add(new TransferActivity(e.sequence(), e.timestamp(), e.actor(), x.kind(), x.date(), x.hours(),
                x.participants(), x.description()));
        if (x.hours() != null) {
            target.hours = target.hours.add(x.hours());
        }
    }

    private void capabilityAssessed(AuditedEvent e, CapabilityAssessed x) {
        requireAwarded(e);
        TargetDraft target = target(e, x.targetId());
        if (target == null) {
            return;
        }
        target.assessments.add(new Assessment(e.sequence(), e.timestamp(), e.actor(), x.level(), x.evidence()));
    }

    // ---- cost -------------------------------------------------------------------------------------------------

    private void timeLogged(AuditedEvent e, TimeLogged x) {
        requireAwarded(e);
        if (x.requirementId() != null) {
            RequirementDraft draft = requirement(e, x.requirementId());
            if (draft != null && draft.status == RequirementStatus.WITHDRAWN) {
                anomaly(e, "time was logged against withdrawn requirement " + draft.id);
            }
        }
        if (x.hourlyRate() != null && x.hours() != null && x.amount() != null && x.hourlyRate().isSameCurrency(x.amount())
                && !x.hourlyRate().times(x.hours()).equals(x.amount())) {
            anomaly(e, "cost line " + x.costLineId() + " records " + x.amount() + " for " + x.hours().toPlainString() + " h at "
                    + x.hourlyRate() + "/h, which is " + x.hourlyRate().times(x.hours()));
        }
        boolean outside = checkWithinPeriod(e, "time", x.date());
        timeEntries.add(new TimeEntry(e.sequence(), e.timestamp(), e.actor(), x.costLineId(), x.person(), x.personRole(), x.date(),
                x.hours(), x.hourlyRate(), x.amount(), x.category(), x.requirementId(), x.description(), outside, closure != null));
        if (x.category() != null && x.hours() != null) {
            hoursByCategory.merge(x.category(), x.hours(), BigDecimal::add);
        }
        commit(e, x.amount(), x.category());
    }

    private void expenseRecorded(AuditedEvent e, ExpenseRecorded x) {
        requireAwarded(e);
        boolean outside = checkWithinPeriod(e, "expense", x.date());
        expenses.add(new Expense(e.sequence(), e.timestamp(), e.actor(), x.costLineId(), x.date(), x.amount(), x.category(),
                x.description(), outside, closure != null));
        commit(e, x.amount(), x.category());
    }

    private void commit(AuditedEvent e, Money amount, CostCategory category) {
        if (!inCurrency(e, "amount", amount)) {
            return;
        }
        committed = committed.plus(amount);
        if (category != null) {
            byCategory.merge(category, amount, Money::plus);
        }
        if (currentCeiling != null && committed.isGreaterThan(currentCeiling)) {
            anomaly(e, "committed cost " + committed + " exceeds the ceiling " + currentCeiling);
        }
        costPoints.add(new CostPoint(e.sequence(), e.timestamp(), committed, currentCeiling));
    }

    private void invoiceRegistered(AuditedEvent e, InvoiceRegistered x) {
        requireAwarded(e);
        if (invoices.containsKey(x.invoiceId())) {
            anomaly(e, "invoice " + x.invoiceId() + " was registered a second time; ignored");
            return;
        }
        List<RequirementId> billed = list(x.billedRequirements());
        boolean backed = false;
        for (RequirementId id : billed) {
            RequirementDraft draft = requirement(e, id);
            backed |= draft != null && draft.status == RequirementStatus.ACCEPTED;
        }
        if (backed != x.backedByAcceptedDeliverable()) {
            anomaly(e, "invoice " + x.invoiceId() + " records backedByAcceptedDeliverable=" + x.backedByAcceptedDeliverable()
                    + " but the history says " + backed);
        }
        inCurrency(e, "invoice amount", x.amount());
        InvoiceDraft draft = new InvoiceDraft(x, e, backed);
        invoices.put(x.invoiceId(), draft);
        Money invoiced = invoicedTotal();
        if (invoiced != null && committed != null && invoiced.isSameCurrency(committed) && invoiced.isGreaterThan(committed)) {
            anomaly(e, "invoiced " + invoiced + " exceeds committed cost " + committed);
        }
    }

    private void invoiceAccepted(AuditedEvent e, InvoiceAccepted x) {
        requireAwarded(e);
        InvoiceDraft draft = invoice(e, x.invoiceId());
        if (draft == null) {
            return;
        }
        if (draft.status == InvoiceStatus.ACCEPTED) {
            anomaly(e, "invoice " + x.invoiceId() + " was accepted a second time");
        }
        if (!Objects.equals(x.amount(), draft.amount)) {
            anomaly(e, "invoice " + x.invoiceId() + " was accepted at " + x.amount() + " but registered at " + draft.amount);
        }
        draft.status = InvoiceStatus.ACCEPTED;
        draft.acceptedSequence = e.sequence();
        draft.acceptedBy = e.actor();
    }

    private void invoiceDisputed(AuditedEvent e, InvoiceDisputed x) {
        requireAwarded(e);
        InvoiceDraft draft = invoice(e, x.invoiceId());
        if (draft == null) {
            return;
        }
        if (draft.status != InvoiceStatus.REGISTERED) {
            anomaly(e, "invoice " + x.invoiceId() + " was disputed while " + draft.status);
        }
        draft.status = InvoiceStatus.DISPUTED;
        draft.disputedSequence = e.sequence();
        draft.disputeReason = x.reason();
    }

    private void ceilingAmended(AuditedEvent e, CeilingAmended x) {
        if (!inCurrency(e, "new ceiling", x.newCeiling())) {
            return;
        }
        if (currentCeiling != null && !currentCeiling.equals(x.previousCeiling())) {
            anomaly(e, "amendment " + x.amendmentId() + " records a previous ceiling of " + x.previousCeiling()
                    + " but the ceiling was " + currentCeiling);
        }
        if (committed != null && committed.isGreaterThan(x.newCeiling())) {
            anomaly(e, "amendment " + x.amendmentId() + " sets the ceiling to " + x.newCeiling() + ", below committed cost " + committed);
        }
        Money before = currentCeiling != null ? currentCeiling : x.previousCeiling();
        Money change = before != null && before.isSameCurrency(x.newCeiling()) ? x.newCeiling().minus(before) : null;
        amendments.add(new Amendment(e.sequence(), e.timestamp(), e.actor(), x.amendmentId(), before, x.newCeiling(), change,
                x.rationale(), x.requestedBy()));
        if (originalCeiling == null) {
            originalCeiling = before;
        }
        currentCeiling = x.newCeiling();
        costPoints.add(new CostPoint(e.sequence(), e.timestamp(), committed, currentCeiling));
    }

    // ---- feedback, conflicts, milestones -----------------------------------------------------------------------

    private void feedbackReceived(AuditedEvent e, FeedbackReceived x) {
        if (feedback.containsKey(x.feedbackId())) {
            anomaly(e, "feedback " + x.feedbackId() + " was received a second time; ignored");
            return;
        }
        if (x.linkedRequirement() != null) {
            requirement(e, x.linkedRequirement());
        }
        feedback.put(x.feedbackId(), new Feedback(x.feedbackId(), x.source(), x.observation(), x.linkedRequirement(), x.givenBy(), e.sequence(),
                e.timestamp(), e.actor(), null));
    }

    private void feedbackAnswered(AuditedEvent e, FeedbackAnswered x) {
        Feedback item = feedback.get(x.feedbackId());
        if (item == null) {
            anomaly(e, "no feedback " + x.feedbackId() + " was received before this answer");
            return;
        }
        if (item.answer() != null) {
            anomaly(e, "feedback " + x.feedbackId() + " was answered a second time; the first answer (#" + item.answer().sequence() + ") stands");
            return;
        }
        feedback.put(x.feedbackId(), new Feedback(item.feedbackId(), item.source(), item.observation(), item.linkedRequirement(),
                item.givenBy(), item.receivedSequence(), item.receivedAt(), item.recordedBy(),
                new Answer(e.sequence(), e.timestamp(), e.actor(), x.response(), x.decision())));
    }

    private void conflictDeclared(AuditedEvent e, ConflictOfInterestDeclared x) {
        boolean afterAward = activation != null;
        if (x.timing() == DeclarationTiming.BEFORE_AWARD && afterAward) {
            anomaly(e, "conflict " + x.declarationId() + " is declared BEFORE_AWARD but was recorded after the award (#"
                    + activation.sequence() + ")");
        }
        if (x.timing() == DeclarationTiming.DISCOVERED_LATER && !afterAward) {
            anomaly(e, "conflict " + x.declarationId() + " is declared DISCOVERED_LATER before any award");
        }
        conflicts.add(new Conflict(x.declarationId(), x.declarant(), x.nature(), x.description(), x.mitigation(), x.timing(),
                afterAward, e.sequence(), e.timestamp(), e.actor()));
    }

    private void milestoneScheduled(AuditedEvent e, MilestoneScheduled x) {
        if (milestones.containsKey(x.milestoneId())) {
            anomaly(e, "milestone " + x.milestoneId() + " was scheduled a second time; ignored");
            return;
        }
        checkWithinPeriod(e, "milestone due date", x.dueDate());
        milestones.put(x.milestoneId(), new MilestoneDraft(x, e.sequence()));
    }

    private void milestoneOutcome(AuditedEvent e, MilestoneOutcomeRecorded x) {
        requireAwarded(e);
        MilestoneDraft draft = milestones.get(x.milestoneId());
        if (draft == null) {
            anomaly(e, "no milestone " + x.milestoneId() + " was scheduled before this outcome");
            return;
        }
        if (draft.status == MilestoneStatus.MET) {
            anomaly(e, "milestone " + x.milestoneId() + " was already MET");
        }
        draft.status = x.status();
        draft.outcomes.add(new MilestoneOutcome(e.sequence(), e.timestamp(), e.actor(), x.status(), x.dateMet(), x.note()));
    }

    // ---- closing ------------------------------------------------------------------------------------------------

    private void completed(AuditedEvent e, EngagementCompleted x) {
        if (closure != null) {
            return;
        }
        requireAwarded(e);
        requirements.values().stream().filter(r -> r.status == RequirementStatus.FULFILMENT_SUBMITTED)
                .forEach(r -> anomaly(e, "completed while the fulfilment of requirement " + r.id + " awaited a decision"));
        checkFinalCost(e, x.finalCost());
        Map<CapabilityTargetId, CapabilityAchievement> recorded = new LinkedHashMap<>();
        list(x.capabilityAchieved()).forEach(a -> recorded.put(a.targetId(), a));
        for (TargetDraft target : targets.values()) {
            CapabilityAchievement claim = recorded.remove(target.id);
            Integer level = target.latestLevel();
            boolean met = level != null && level >= target.targetLevel;
            if (claim == null) {
                anomaly(e, "the completion omits capability target " + target.id);
            } else if (!Objects.equals(claim.assessedLevel(), level) || claim.met() != met) {
                anomaly(e, "the completion records capability target " + target.id + " at level " + claim.assessedLevel()
                        + (claim.met() ? " (met)" : " (not met)") + " but the assessments say " + level + (met ? " (met)" : " (not met)"));
            }
        }
        recorded.keySet().forEach(id -> anomaly(e, "the completion names capability target " + id + ", which was never defined"));
        status = EngagementStatus.COMPLETED;
        closure = new Closure(EngagementStatus.COMPLETED, e.sequence(), e.timestamp(), e.actor(), x.evaluation(),
                x.capabilityAchieved(), x.finalCost(), null);
    }

    private void terminated(AuditedEvent e, EngagementTerminated x) {
        if (closure != null) {
            return;
        }
        checkFinalCost(e, x.finalCost());
        status = EngagementStatus.TERMINATED;
        closure = new Closure(EngagementStatus.TERMINATED, e.sequence(), e.timestamp(), e.actor(), null, List.of(), x.finalCost(),
                x.reason());
    }

    private void checkFinalCost(AuditedEvent e, Money finalCost) {
        if (committed != null && !Objects.equals(finalCost, committed)) {
            anomaly(e, "the final cost is recorded as " + finalCost + " but the cost lines add up to " + committed);
        }
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    private void checkActor(AuditedEvent e) {
        Actor actor = e.actor();
        if (actor == null) {
            anomaly(e, "no actor is recorded in the event's metadata");
            return;
        }
        Set<Role> allowed = ALLOWED_ROLES.get(e.event().getClass());
        if (allowed != null && !allowed.contains(actor.role())) {
            anomaly(e, actor.id() + " acting as " + actor.role() + " may not cause " + e.eventType() + " (allowed: " + allowed + ")");
            return;
        }
        String buyer = e.event() instanceof EngagementCommissioned c && c.buyer() != null ? c.buyer().id()
                : commissioning != null && commissioning.buyer() != null ? commissioning.buyer().id() : null;
        String supplier = commissioning != null && commissioning.supplier() != null ? commissioning.supplier().id() : null;
        String expected = actor.role().isAgency() ? buyer : actor.role() == CONSULTANT ? supplier : null;
        if (expected != null && !expected.equals(actor.organisation())) {
            anomaly(e, actor.id() + " acting as " + actor.role() + " acts for '" + actor.organisation() + "', not for '" + expected + "'");
        }
    }

    private void requireAwarded(AuditedEvent e) {
        if (activation == null && commissioning != null) {
            anomaly(e, e.eventType() + " recorded before the award (the engagement was not activated)");
        }
    }

    /** Records an anomaly when the day lies outside the period; returns whether it does. */
    private boolean checkWithinPeriod(AuditedEvent e, String what, LocalDate day) {
        Period period = period();
        if (period == null || day == null || period.contains(day)) {
            return false;
        }
        anomaly(e, what + " dated " + day + " lies outside the engagement period " + period);
        return true;
    }

    private boolean inCurrency(AuditedEvent e, String field, Money amount) {
        if (amount == null) {
            anomaly(e, field + " is missing");
            return false;
        }
        useCurrency(amount.currency());
        if (!amount.currency().equals(currency)) {
            anomaly(e, field + " " + amount + " is not in the engagement's currency " + currency.getCurrencyCode() + "; left out of the totals");
            return false;
        }
        return true;
    }

    private void useCurrency(Currency value) {
        if (currency == null) {
            currency = value;
            committed = Money.zero(value);
            for (CostCategory category : CostCategory.values()) {
                byCategory.put(category, Money.zero(value));
                hoursByCategory.put(category, BigDecimal.ZERO);
            }
        }
    }

    private Period period() {
        return commissioning == null ? null : commissioning.period();
    }

    private RequirementDraft requirement(AuditedEvent e, RequirementId id) {
        RequirementDraft draft = id == null ? null : requirements.get(id);
        if (draft == null) {
            anomaly(e, "no requirement " + id + " was added before this " + e.eventType());
        } else if (!draft.sequences.contains(e.sequence())) {
            draft.sequences.add(e.sequence());
        }
        return draft;
    }

    private TargetDraft target(AuditedEvent e, CapabilityTargetId id) {
        TargetDraft target = id == null ? null : targets.get(id);
        if (target == null) {
            anomaly(e, "no capability target " + id + " was defined before this " + e.eventType());
        }
        return target;
    }

    private InvoiceDraft invoice(AuditedEvent e, InvoiceId id) {
        InvoiceDraft draft = id == null ? null : invoices.get(id);
        if (draft == null) {
            anomaly(e, "no invoice " + id + " was registered before this " + e.eventType());
        }
        return draft;
    }

    private Money invoicedTotal() {
        Money total = currency == null ? null : Money.zero(currency);
        for (InvoiceDraft invoice : invoices.values()) {
            if (invoice.status != InvoiceStatus.DISPUTED && invoice.amount != null && total != null && invoice.amount.isSameCurrency(total)) {
                total = total.plus(invoice.amount);
            }
        }
        return total;
    }

    private Money acceptedTotal() {
        Money total = currency == null ? null : Money.zero(currency);
        for (InvoiceDraft invoice : invoices.values()) {
            if (invoice.status == InvoiceStatus.ACCEPTED && invoice.amount != null && total != null && invoice.amount.isSameCurrency(total)) {
                total = total.plus(invoice.amount);
            }
        }
        return total;
    }

    private void anomaly(AuditedEvent e, String message) {
        anomalies.add(new Anomaly(e.sequence(), message));
    }

    // ---- the snapshot ---------------------------------------------------------------------------------------------

    private EngagementState snapshot(Instant asOf, Long afterSequence) {
        Ceiling ceiling = null;
        if (originalCeiling != null && currentCeiling != null && originalCeiling.isSameCurrency(currentCeiling)) {
            Money net = currentCeiling.minus(originalCeiling);
            BigDecimal percent = originalCeiling.amount().signum() == 0 ? null
                    : net.amount().multiply(BigDecimal.valueOf(100)).divide(originalCeiling.amount(), 2, RoundingMode.HALF_UP);
            ceiling = new Ceiling(originalCeiling, currentCeiling, net, percent, amendments);
        }
        Cost cost = currency == null ? null
                : new Cost(committed, byCategory, hoursByCategory, invoicedTotal(), acceptedTotal(), timeEntries, expenses, costPoints);
        return new EngagementState(engagementId, new Cut(asOf, afterSequence, eventCount, lastSequence, lastEventAt), status,
                commissioning, activation, ceiling, cost,
                invoices.values().stream().map(InvoiceDraft::toRecord).toList(),
                requirements.values().stream().map(RequirementDraft::toRecord).toList(),
                targets.values().stream().map(TargetDraft::toRecord).toList(),
                milestones.values().stream().map(MilestoneDraft::toRecord).toList(),
                List.copyOf(feedback.values()), conflicts, decisions, impacts, closure, notes, erasures, anomalies, List.of());
    }

    // ---- mutable drafts of the entities ---------------------------------------------------------------------------

    private static final class RequirementDraft {
        final RequirementId id;
        final StatedBy statedBy;
        final Actor recordedBy;
        int version = 1;
        RequirementStatus status = RequirementStatus.OPEN;
        String outcome;
        List<String> criteria = List.of();
        String verificationMethod;
        final List<RequirementVersion> versions = new ArrayList<>();
        final List<FulfilmentStep> steps = new ArrayList<>();
        FulfilmentStep accepted;
        final List<Long> sequences = new ArrayList<>();

        RequirementDraft(RequirementId id, StatedBy statedBy, Actor recordedBy) {
            this.id = id;
            this.statedBy = statedBy;
            this.recordedBy = recordedBy;
        }

        boolean awaitingFulfilment() {
            return status == RequirementStatus.OPEN || status == RequirementStatus.REJECTED;
        }

        FulfilmentStep step(AuditedEvent e, FulfilmentStepKind kind, int stepVersion, String text, List<String> stepCriteria) {
            FulfilmentStep step = new FulfilmentStep(e.sequence(), e.timestamp(), e.actor(), kind, stepVersion, text, stepCriteria);
            steps.add(step);
            if (!sequences.contains(e.sequence())) {
                sequences.add(e.sequence());
            }
            return step;
        }

        Requirement toRecord() {
            return new Requirement(id, version, status, statedBy, recordedBy, outcome, criteria, verificationMethod, versions, steps,
                    accepted, sequences);
        }
    }

    private static final class TargetDraft {
        final CapabilityTargetId id;
        final CapabilityTargetDefined defined;
        final AuditedEvent definedBy;
        final int targetLevel;
        BigDecimal hours = BigDecimal.ZERO;
        final List<TransferActivity> activities = new ArrayList<>();
        final List<Assessment> assessments = new ArrayList<>();

        TargetDraft(CapabilityTargetDefined defined, AuditedEvent e) {
            this.id = defined.targetId();
            this.defined = defined;
            this.definedBy = e;
            this.targetLevel = defined.targetLevel();
        }

        Integer latestLevel() {
            return assessments.isEmpty() ? null : assessments.get(assessments.size() - 1).level();
        }

        CapabilityTarget toRecord() {
            Integer level = latestLevel();
            return new CapabilityTarget(id, defined.capability(), defined.recipientTeam(), defined.baselineLevel(), targetLevel, level,
                    level != null && level >= targetLevel, hours, activities, assessments, definedBy.sequence(), definedBy.timestamp(),
                    definedBy.actor());
        }
    }

    private static final class InvoiceDraft {
        final InvoiceRegistered registered;
        final AuditedEvent registeredBy;
        final Money amount;
        final boolean backed;
        InvoiceStatus status = InvoiceStatus.REGISTERED;
        Long acceptedSequence;
        Actor acceptedBy;
        Long disputedSequence;
        String disputeReason;

        InvoiceDraft(InvoiceRegistered registered, AuditedEvent e, boolean backed) {
            this.registered = registered;
            this.registeredBy = e;
            this.amount = registered.amount();
            this.backed = backed;
        }

        Invoice toRecord() {
            return new Invoice(registered.invoiceId(), registered.issued(), amount, list(registered.billedRequirements()),
                    registered.backedByAcceptedDeliverable(), backed, status, registeredBy.sequence(), registeredBy.timestamp(),
                    registeredBy.actor(), acceptedSequence, acceptedBy, disputedSequence, disputeReason);
        }
    }

    private static final class MilestoneDraft {
        final MilestoneScheduled scheduled;
        final long sequence;
        MilestoneStatus status = MilestoneStatus.SCHEDULED;
        final List<MilestoneOutcome> outcomes = new ArrayList<>();

        MilestoneDraft(MilestoneScheduled scheduled, long sequence) {
            this.scheduled = scheduled;
            this.sequence = sequence;
        }

        Milestone toRecord() {
            MilestoneOutcome last = outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
            return new Milestone(scheduled.milestoneId(), scheduled.title(), scheduled.dueDate(), status,
                    last == null ? null : last.dateMet(), last == null ? null : last.note(), last == null ? null : last.by(), sequence,
                    outcomes);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static Map<Class<? extends EngagementEvent>, Set<Role>> allowedRoles() {
        Set<Role> buyer = EnumSet.of(AGENCY_BUYER);
        Set<Role> agency = EnumSet.of(AGENCY_BUYER, AGENCY_STAFF);
        Set<Role> consultant = EnumSet.of(CONSULTANT);
        Set<Role> anyParty = EnumSet.of(AGENCY_BUYER, AGENCY_STAFF, CONSULTANT);
        Map<Class<? extends EngagementEvent>, Set<Role>> roles = new LinkedHashMap<>();
        roles.put(EngagementCommissioned.class, buyer);
        roles.put(EngagementActivated.class, buyer);
        roles.put(RequirementAdded.class, anyParty);
        roles.put(RequirementRevised.class, agency);
        roles.put(RequirementWithdrawn.class, buyer);
        roles.put(FulfilmentSubmitted.class, consultant);
        roles.put(FulfilmentAccepted.class, agency);
        roles.put(FulfilmentRejected.class, agency);
        roles.put(CapabilityTargetDefined.class, agency);
        roles.put(TransferActivityRecorded.class, EnumSet.of(CONSULTANT, AGENCY_STAFF));
        roles.put(CapabilityAssessed.class, agency);
        roles.put(TimeLogged.class, consultant);
        roles.put(ExpenseRecorded.class, consultant);
        roles.put(InvoiceRegistered.class, consultant);
        roles.put(InvoiceAccepted.class, buyer);
        roles.put(InvoiceDisputed.class, buyer);
        roles.put(CeilingAmended.class, buyer);
        roles.put(RightsHolderImpactRecorded.class, agency);
        roles.put(FeedbackReceived.class, anyParty);
        roles.put(FeedbackAnswered.class, agency);
        roles.put(ConflictOfInterestDeclared.class, anyParty);
        roles.put(DecisionRecorded.class, agency);
        roles.put(MilestoneScheduled.class, agency);
        roles.put(MilestoneOutcomeRecorded.class, agency);
        roles.put(EngagementCompleted.class, buyer);
        roles.put(EngagementTerminated.class, buyer);
        roles.put(AuditorNoteAdded.class, EnumSet.of(AUDITOR));
        roles.put(DataSubjectErased.class, agency);
        roles.replaceAll((type, allowed) -> Collections.unmodifiableSet(allowed));
        return Collections.unmodifiableMap(roles);
    }
}
