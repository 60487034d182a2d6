package org.engagementledger.engagement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.serialization.Revision;
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
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.engagementledger.api.Role.AGENCY_BUYER;
import static org.engagementledger.api.Role.AGENCY_STAFF;
import static org.engagementledger.api.Role.AUDITOR;
import static org.engagementledger.api.Role.CONSULTANT;

/**
 * One consultant assignment, from commissioning to close: the accountable record auditors replay.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Committed cost (time plus expenses) never exceeds the budget ceiling; raising the ceiling takes
 *       an explicit amendment with a rationale, and the ceiling never drops below committed cost.</li>
 *   <li>Invoiced amounts (not counting disputed invoices) never exceed committed cost.</li>
 *   <li>Every amount is in the engagement's currency; dated work lies within the engagement period.</li>
 *   <li>Core work of the agency is only commissioned with an explicit justification.</li>
 *   <li>Roles: the buyer commissions, activates, amends, settles invoices and closes; agency staff
 *       state requirements, decide on fulfilment, assess capability and answer feedback; consultants
 *       deliver, log cost and invoice; auditors only add notes. Agency actors act for the buyer's
 *       organisation, consultants for the supplier's.</li>
 *   <li>A completed or terminated engagement accepts nothing but auditors' notes and erasures of personal
 *       data (erasure is a legal duty that outlives the engagement).</li>
 *   <li>Personal data (feedback observations, names, contact details, participation notes) always names its
 *       data subject. The engagement knows which subjects it holds personal data of, and records an erasure
 *       only for those, once per subject; its own state holds no personal value, only the subjects'
 *       pseudonyms, so neither snapshots nor the aggregate cache hold plaintext.</li>
 * </ul>
 *
 * <p>Command handlers decide and apply; event-sourcing handlers only assign. Every event carries the
 * actor in its metadata ({@link ActorMetaData}).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Revision(Engagement.SNAPSHOT_REVISION)
public class Engagement {

    /**
     * Revision of the snapshot form of this class. Raise it whenever a field changes: older snapshots
     * are then ignored and the engagement is rebuilt from its events.
     */
    public static final String SNAPSHOT_REVISION = "2";

    @AggregateIdentifier
    private EngagementId engagementId;
    private Party buyer;
    private Party supplier;
    private EngagementStatus status;
    private Period period;
    private Money ceiling;
    private Money committed;
    private LocalDate contractSigned;
    private int costLines;
    private int amendments;
    private int declarations;
    private int decisions;
    /** Subjects whose personal data this engagement holds and has not erased (pseudonyms only). */
    private Set<DataSubjectId> dataSubjects = new LinkedHashSet<>();

    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<RequirementId, Requirement> requirements = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<CapabilityTargetId, CapabilityTarget> targets = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<InvoiceId, Invoice> invoices = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<MilestoneId, Milestone> milestones = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private Map<FeedbackId, Feedback> feedback = new LinkedHashMap<>();

    protected Engagement() {
        // required by Axon to rebuild from events and snapshots
    }

    // ---- commissioning and lifecycle -------------------------------------------------------------

    @CommandHandler
    public Engagement(CommissionEngagement command, Actor actor) {
        if (actor.role() != AGENCY_BUYER) {
            throw new NotPermittedException(actor.role() + " may not commission an engagement; only AGENCY_BUYER may");
        }
        if (!actor.organisation().equals(command.buyer().id())) {
            throw new NotPermittedException("actor " + actor.id() + " acts for '" + actor.organisation()
                    + "' and may not commission on behalf of buyer '" + command.buyer().id() + "'");
        }
        if (command.coreWork() && isBlank(command.coreWorkJustification())) {
            throw new RuleViolationException("core-work-justification-required",
                    "coreWorkJustification is required when coreWork is true: outsourcing the agency's core work must be justified");
        }
        if (!command.inHouseAlternative().estimatedCost().isSameCurrency(command.ceiling())) {
            throw currencyMismatch("inHouseAlternative.estimatedCost", command.inHouseAlternative().estimatedCost(), command.ceiling());
        }
        if (command.buyer().id().equals(command.supplier().id())) {
            throw new RuleViolationException("distinct-parties", "supplier.id must differ from buyer.id ('" + command.buyer().id() + "')");
        }
        apply(new EngagementCommissioned(command.engagementId(), command.buyer(), command.buyerUnit(), command.supplier(),
                command.title(), command.problem(), command.intendedOutcome(), command.reason(), command.coreWork(),
                command.coreWorkJustification(), command.inHouseAlternative(), List.copyOf(command.rightsHolderGroups()),
                command.ceiling(), command.period(), command.procurementReference()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(ActivateEngagement command, Actor actor) {
        permit(actor, "activate the engagement", AGENCY_BUYER);
        if (status != EngagementStatus.COMMISSIONED) {
            throw new InvalidStateException("engagement " + engagementId + " is " + status + "; only a COMMISSIONED engagement can be activated");
        }
        if (command.contractSigned().isAfter(period.end())) {
            throw new RuleViolationException("within-period", "contractSigned " + command.contractSigned()
                    + " is after the engagement period " + period);
        }
        apply(new EngagementActivated(engagementId, command.contractSigned()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(CompleteEngagement command, Actor actor) {
        permit(actor, "complete the engagement", AGENCY_BUYER);
        requireActive("complete the engagement");
        List<String> pending = requirements.values().stream()
                .filter(r -> r.status() == RequirementStatus.FULFILMENT_SUBMITTED)
                .map(r -> r.id().value()).toList();
        if (!pending.isEmpty()) {
            throw new InvalidStateException("fulfilment of " + pending + " awaits the agency's decision; accept or reject it before completing");
        }
        if (!command.evaluation().costsAvoided().isSameCurrency(ceiling)) {
            throw currencyMismatch("evaluation.costsAvoided", command.evaluation().costsAvoided(), ceiling);
        }
        List<CapabilityAchievement> achieved = targets.values().stream().map(CapabilityTarget::achievement).toList();
        apply(new EngagementCompleted(engagementId, command.evaluation(), achieved, committed), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(TerminateEngagement command, Actor actor) {
        permit(actor, "terminate the engagement", AGENCY_BUYER);
        requireOpen();
        apply(new EngagementTerminated(engagementId, command.reason(), committed), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(AddAuditorNote command, Actor actor) {
        if (actor.role() != AUDITOR) {
            throw new NotPermittedException(actor.role() + " may not add an auditor's note; only AUDITOR may");
        }
        apply(new AuditorNoteAdded(engagementId, command.note()), ActorMetaData.of(actor));
    }

    // ---- requirements ------------------------------------------------------------------------------

    @CommandHandler
    public void handle(AddRequirement command, Actor actor) {
        permit(actor, "add a requirement", AGENCY_BUYER, AGENCY_STAFF, CONSULTANT);
        requireOpen();
        if (actor.role() == CONSULTANT && command.statedBy() != StatedBy.CONSULTANT) {
            throw new NotPermittedException("a CONSULTANT may only record requirements statedBy CONSULTANT, not " + command.statedBy());
        }
        if (requirements.containsKey(command.requirementId())) {
            throw duplicate("requirement", command.requirementId().value());
        }
        apply(new RequirementAdded(engagementId, command.requirementId(), command.outcome(),
                List.copyOf(command.acceptanceCriteria()), command.verificationMethod(), command.statedBy(),
                command.acceptanceCriteria().isEmpty()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(ReviseRequirement command, Actor actor) {
        permit(actor, "revise a requirement", AGENCY_BUYER, AGENCY_STAFF);
        requireOpen();
        Requirement requirement = requirement(command.requirementId());
        if (!requirement.isAwaitingFulfilment()) {
            throw new InvalidStateException("requirement " + requirement.id() + " is " + requirement.status()
                    + "; only an OPEN or REJECTED requirement can be revised");
        }
        apply(new RequirementRevised(engagementId, requirement.id(), requirement.version() + 1, command.outcome(),
                List.copyOf(command.acceptanceCriteria()), command.verificationMethod(), command.reason(),
                command.acceptanceCriteria().isEmpty()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(WithdrawRequirement command, Actor actor) {
        permit(actor, "withdraw a requirement", AGENCY_BUYER);
        requireOpen();
        Requirement requirement = requirement(command.requirementId());
        if (requirement.status() == RequirementStatus.ACCEPTED || requirement.status() == RequirementStatus.WITHDRAWN) {
            throw new InvalidStateException("requirement " + requirement.id() + " is " + requirement.status() + " and cannot be withdrawn");
        }
        apply(new RequirementWithdrawn(engagementId, requirement.id(), command.reason()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(SubmitFulfilment command, Actor actor) {
        permit(actor, "submit fulfilment", CONSULTANT);
        requireActive("submit fulfilment");
        Requirement requirement = requirement(command.requirementId());
        if (!requirement.isAwaitingFulfilment()) {
            throw new InvalidStateException("requirement " + requirement.id() + " is " + requirement.status()
                    + "; fulfilment can only be submitted for an OPEN or REJECTED requirement");
        }
        apply(new FulfilmentSubmitted(engagementId, requirement.id(), requirement.version(), command.evidence()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(AcceptFulfilment command, Actor actor) {
        permit(actor, "accept fulfilment", AGENCY_BUYER, AGENCY_STAFF);
        requireActive("accept fulfilment");
        Requirement requirement = submittedRequirement(command.requirementId());
        apply(new FulfilmentAccepted(engagementId, requirement.id(), requirement.version(), requirement.acceptanceCriteria(),
                command.assessment()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(RejectFulfilment command, Actor actor) {
        permit(actor, "reject fulfilment", AGENCY_BUYER, AGENCY_STAFF);
        requireActive("reject fulfilment");
        Requirement requirement = submittedRequirement(command.requirementId());
        apply(new FulfilmentRejected(engagementId, requirement.id(), requirement.version(), command.reason()), ActorMetaData.of(actor));
    }

    // ---- capability transfer -------------------------------------------------------------------------

    @CommandHandler
    public void handle(DefineCapabilityTarget command, Actor actor) {
        permit(actor, "define a capability target", AGENCY_BUYER, AGENCY_STAFF);
        requireOpen();
        if (targets.containsKey(command.targetId())) {
            throw duplicate("capability target", command.targetId().value());
        }
        if (command.targetLevel() <= command.baselineLevel()) {
            throw new RuleViolationException("target-above-baseline", "targetLevel " + command.targetLevel()
                    + " must be above baselineLevel " + command.baselineLevel());
        }
        apply(new CapabilityTargetDefined(engagementId, command.targetId(), command.capability(), command.recipientTeam(),
                command.baselineLevel(), command.targetLevel()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(RecordTransferActivity command, Actor actor) {
        permit(actor, "record a transfer activity", CONSULTANT, AGENCY_STAFF);
        requireActive("record a transfer activity");
        target(command.targetId());
        requireWithinPeriod("date", command.date());
        apply(new TransferActivityRecorded(engagementId, command.targetId(), command.kind(), command.date(), command.hours(),
                command.participants(), command.description()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(AssessCapability command, Actor actor) {
        permit(actor, "assess capability", AGENCY_BUYER, AGENCY_STAFF);
        requireActive("assess capability");
        target(command.targetId());
        apply(new CapabilityAssessed(engagementId, command.targetId(), command.level(), command.evidence()), ActorMetaData.of(actor));
    }

    // ---- cost --------------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(LogTime command, Actor actor) {
        permit(actor, "log time", CONSULTANT);
        requireActive("log time");
        requireWithinPeriod("date", command.date());
        requireCurrency("hourlyRate", command.hourlyRate());
        if (command.requirementId() != null) {
            Requirement requirement = requirement(command.requirementId());
            if (requirement.status() == RequirementStatus.WITHDRAWN) {
                throw new InvalidStateException("requirement " + requirement.id() + " is WITHDRAWN; time cannot be logged against it");
            }
        }
        Money amount = timeCost(command);
        requireWithinCeiling(amount);
        apply(new TimeLogged(engagementId, nextCostLine(), command.person(), command.personRole(), command.date(),
                command.hours(), command.hourlyRate(), amount, command.category(), command.requirementId(), command.description()),
                ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(RecordExpense command, Actor actor) {
        permit(actor, "record an expense", CONSULTANT);
        requireActive("record an expense");
        requireWithinPeriod("date", command.date());
        requireCurrency("amount", command.amount());
        requireWithinCeiling(command.amount());
        apply(new ExpenseRecorded(engagementId, nextCostLine(), command.date(), command.amount(), command.category(),
                command.description()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(RegisterInvoice command, Actor actor) {
        permit(actor, "register an invoice", CONSULTANT);
        requireActive("register an invoice");
        if (invoices.containsKey(command.invoiceId())) {
            throw duplicate("invoice", command.invoiceId().value());
        }
        requireCurrency("amount", command.amount());
        for (RequirementId billed : command.billedRequirements()) {
            if (requirement(billed).status() == RequirementStatus.WITHDRAWN) {
                throw new InvalidStateException("requirement " + billed + " is WITHDRAWN; an invoice cannot bill for it");
            }
        }
        requireInvoicedWithinCommitted(command.amount());
        boolean backed = command.billedRequirements().stream()
                .anyMatch(id -> requirements.get(id).status() == RequirementStatus.ACCEPTED);
        apply(new InvoiceRegistered(engagementId, command.invoiceId(), command.issued(), command.amount(),
                List.copyOf(command.billedRequirements()), backed), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(AcceptInvoice command, Actor actor) {
        permit(actor, "accept an invoice", AGENCY_BUYER);
        requireActive("accept an invoice");
        Invoice invoice = invoice(command.invoiceId());
        if (invoice.status() == InvoiceStatus.ACCEPTED) {
            throw new InvalidStateException("invoice " + command.invoiceId() + " is already ACCEPTED");
        }
        if (invoice.status() == InvoiceStatus.DISPUTED) {
            requireInvoicedWithinCommitted(invoice.amount());
        }
        apply(new InvoiceAccepted(engagementId, command.invoiceId(), invoice.amount()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(DisputeInvoice command, Actor actor) {
        permit(actor, "dispute an invoice", AGENCY_BUYER);
        requireActive("dispute an invoice");
        Invoice invoice = invoice(command.invoiceId());
        if (invoice.status() != InvoiceStatus.REGISTERED) {
            throw new InvalidStateException("invoice " + command.invoiceId() + " is " + invoice.status()
                    + "; only a REGISTERED invoice can be disputed");
        }
        apply(new InvoiceDisputed(engagementId, command.invoiceId(), command.reason()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(AmendCeiling command, Actor actor) {
        permit(actor, "amend the ceiling", AGENCY_BUYER);
        requireOpen();
        requireCurrency("newCeiling", command.newCeiling());
        if (command.newCeiling().equals(ceiling)) {
            throw new RuleViolationException("amendment-changes-value", "newCeiling " + command.newCeiling() + " equals the current ceiling");
        }
        if (committed.isGreaterThan(command.newCeiling())) {
            throw new RuleViolationException("ceiling-covers-committed", "newCeiling " + command.newCeiling()
                    + " is below committed cost " + committed);
        }
        apply(new CeilingAmended(engagementId, new AmendmentId("amendment-" + (amendments + 1)), ceiling, command.newCeiling(),
                command.rationale(), command.requestedBy()), ActorMetaData.of(actor));
    }

    // ---- rights-holders, feedback, integrity and decisions ------------------------------------------

    @CommandHandler
    public void handle(RecordRightsHolderImpact command, Actor actor) {
        permit(actor, "record a rights-holder impact", AGENCY_BUYER, AGENCY_STAFF);
        requireOpen();
        apply(new RightsHolderImpactRecorded(engagementId, command.group(), List.copyOf(command.rightsEngaged()),
                command.participation(), command.assessment(), command.assessmentNote(), command.remedyChannel(),
                command.participants() == null ? List.of() : List.copyOf(command.participants())), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(RecordFeedback command, Actor actor) {
        permit(actor, "record feedback", AGENCY_BUYER, AGENCY_STAFF, CONSULTANT);
        requireOpen();
        if (feedback.containsKey(command.feedbackId())) {
            throw duplicate("feedback", command.feedbackId().value());
        }
        if (command.linkedRequirement() != null) {
            requirement(command.linkedRequirement());
        }
        apply(new FeedbackReceived(engagementId, command.feedbackId(), command.source(), command.observation(),
                command.linkedRequirement(), command.givenBy(), command.givenByName(), command.givenByContact()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(RespondToFeedback command, Actor actor) {
        permit(actor, "respond to feedback", AGENCY_BUYER, AGENCY_STAFF);
        requireOpen();
        Feedback item = feedback.get(command.feedbackId());
        if (item == null) {
            throw unknown("feedback", command.feedbackId().value());
        }
        if (item.isAnswered()) {
            throw new InvalidStateException("feedback " + command.feedbackId() + " has already been answered");
        }
        apply(new FeedbackAnswered(engagementId, command.feedbackId(), command.response(), command.decision()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(DeclareConflictOfInterest command, Actor actor) {
        permit(actor, "declare a conflict of interest", AGENCY_BUYER, AGENCY_STAFF, CONSULTANT);
        requireOpen();
        if (command.timing() == DeclarationTiming.BEFORE_AWARD && status != EngagementStatus.COMMISSIONED) {
            throw new RuleViolationException("declaration-timing", "timing BEFORE_AWARD is impossible: the contract was signed on "
                    + contractSigned + "; declare it as DISCOVERED_LATER");
        }
        if (command.timing() == DeclarationTiming.DISCOVERED_LATER && status == EngagementStatus.COMMISSIONED) {
            throw new RuleViolationException("declaration-timing", "timing DISCOVERED_LATER is impossible: the engagement has not been awarded yet; declare it as BEFORE_AWARD");
        }
        apply(new ConflictOfInterestDeclared(engagementId, new DeclarationId("coi-" + (declarations + 1)), command.declarant(),
                command.nature(), command.description(), command.mitigation(), command.timing()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(RecordDecision command, Actor actor) {
        permit(actor, "record a decision", AGENCY_BUYER, AGENCY_STAFF);
        requireOpen();
        apply(new DecisionRecorded(engagementId, new DecisionId("decision-" + (decisions + 1)), command.subject(),
                command.rationale(), command.decidedOn()), ActorMetaData.of(actor));
    }

    // ---- personal data ---------------------------------------------------------------------------------------

    /**
     * Records that the personal data of {@code subject} in this engagement was erased, deciding like a command
     * handler. It is not one: erasure spans engagements and destroys the subject's key in the same transaction,
     * so only {@code org.engagementledger.privacy.PersonalDataErasure} (the handler of {@code EraseDataSubject})
     * calls it. Allowed in a closed engagement too.
     *
     * @return {@code false}, recording nothing, when this engagement holds no personal data of the subject
     *         (never did, or it was erased already)
     * @throws NotPermittedException when the actor is not an agency actor acting for this engagement's buyer
     */
    public boolean eraseDataSubject(DataSubjectId subject, ErasureGround ground, Actor actor) {
        if (!dataSubjects.contains(subject)) {
            return false;
        }
        permit(actor, "erase the personal data of a data subject", AGENCY_BUYER, AGENCY_STAFF);
        apply(new DataSubjectErased(engagementId, subject, ground), ActorMetaData.of(actor));
        return true;
    }

    // ---- milestones ----------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(ScheduleMilestone command, Actor actor) {
        permit(actor, "schedule a milestone", AGENCY_BUYER, AGENCY_STAFF);
        requireOpen();
        if (milestones.containsKey(command.milestoneId())) {
            throw duplicate("milestone", command.milestoneId().value());
        }
        requireWithinPeriod("dueDate", command.dueDate());
        apply(new MilestoneScheduled(engagementId, command.milestoneId(), command.title(), command.dueDate()), ActorMetaData.of(actor));
    }

    @CommandHandler
    public void handle(RecordMilestoneOutcome command, Actor actor) {
        permit(actor, "record a milestone outcome", AGENCY_BUYER, AGENCY_STAFF);
        requireActive("record a milestone outcome");
        Milestone milestone = milestones.get(command.milestoneId());
        if (milestone == null) {
            throw unknown("milestone", command.milestoneId().value());
        }
        if (milestone.status() == MilestoneStatus.MET) {
            throw new InvalidStateException("milestone " + command.milestoneId() + " is already MET");
        }
        switch (command.status()) {
            case SCHEDULED -> throw new RuleViolationException("milestone-outcome", "status must be MET, NOT_MET or PARTIALLY_MET, not SCHEDULED");
            case MET, PARTIALLY_MET -> {
                if (command.dateMet() == null) {
                    throw new RuleViolationException("milestone-outcome", "dateMet is required when status is " + command.status());
                }
            }
            case NOT_MET -> {
                if (command.dateMet() != null) {
                    throw new RuleViolationException("milestone-outcome", "dateMet must be empty when status is NOT_MET");
                }
            }
        }
        apply(new MilestoneOutcomeRecorded(engagementId, command.milestoneId(), command.status(), command.dateMet(),
                command.note()), ActorMetaData.of(actor));
    }

    // ---- event-sourcing handlers: assign only ----------------------------------------------------------

    @EventSourcingHandler
    void on(EngagementCommissioned event) {
        engagementId = event.engagementId();
        buyer = event.buyer();
        supplier = event.supplier();
        status = EngagementStatus.COMMISSIONED;
        period = event.period();
        ceiling = event.ceiling();
        committed = Money.zero(event.ceiling().currency());
    }

    @EventSourcingHandler
    void on(EngagementActivated event) {
        status = EngagementStatus.ACTIVE;
        contractSigned = event.contractSigned();
    }

    @EventSourcingHandler
    void on(EngagementCompleted event) {
        status = EngagementStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(EngagementTerminated event) {
        status = EngagementStatus.TERMINATED;
    }

    @EventSourcingHandler
    void on(RequirementAdded event) {
        requirements.put(event.requirementId(), new Requirement(event));
    }

    @EventSourcingHandler
    void on(CapabilityTargetDefined event) {
        targets.put(event.targetId(), new CapabilityTarget(event));
    }

    @EventSourcingHandler
    void on(TimeLogged event) {
        committed = committed.plus(event.amount());
        costLines++;
    }

    @EventSourcingHandler
    void on(ExpenseRecorded event) {
        committed = committed.plus(event.amount());
        costLines++;
    }

    @EventSourcingHandler
    void on(InvoiceRegistered event) {
        invoices.put(event.invoiceId(), new Invoice(event));
    }

    @EventSourcingHandler
    void on(CeilingAmended event) {
        ceiling = event.newCeiling();
        amendments++;
    }

    @EventSourcingHandler
    void on(FeedbackReceived event) {
        feedback.put(event.feedbackId(), new Feedback(event));
        if (event.givenBy() != null) {
            dataSubjects.add(event.givenBy());
        }
    }

    @EventSourcingHandler
    void on(RightsHolderImpactRecorded event) {
        event.participants().forEach(participant -> dataSubjects.add(participant.subject()));
    }

    @EventSourcingHandler
    void on(DataSubjectErased event) {
        dataSubjects.remove(event.subject());
    }

    @EventSourcingHandler
    void on(ConflictOfInterestDeclared event) {
        declarations++;
    }

    @EventSourcingHandler
    void on(DecisionRecorded event) {
        decisions++;
    }

    @EventSourcingHandler
    void on(MilestoneScheduled event) {
        milestones.put(event.milestoneId(), new Milestone(event));
    }

    // ---- rule helpers ----------------------------------------------------------------------------------------

    /** Refuses unless the actor plays one of the roles, for the organisation that role must act for. */
    private void permit(Actor actor, String action, Role... allowed) {
        if (Arrays.stream(allowed).noneMatch(r -> r == actor.role())) {
            throw new NotPermittedException(actor.role() + " may not " + action + "; allowed: "
                    + Arrays.stream(allowed).map(Role::name).collect(Collectors.joining(", ")));
        }
        String expected = actor.role().isAgency() ? buyer.id() : actor.role() == CONSULTANT ? supplier.id() : actor.organisation();
        if (!expected.equals(actor.organisation())) {
            throw new NotPermittedException("an actor in role " + actor.role() + " must act for '" + expected + "' in engagement "
                    + engagementId + ", but " + actor.id() + " acts for '" + actor.organisation() + "'");
        }
    }

    private void requireOpen() {
        if (status == EngagementStatus.COMPLETED || status == EngagementStatus.TERMINATED) {
            throw new InvalidStateException("engagement " + engagementId + " is " + status + "; only an auditor's note can be added");
        }
    }

    private void requireActive(String action) {
        requireOpen();
        if (status != EngagementStatus.ACTIVE) {
            throw new InvalidStateException("engagement " + engagementId + " is " + status + "; cannot " + action
                    + " before the engagement is activated");
        }
    }

    private void requireWithinPeriod(String field, LocalDate day) {
        if (!period.contains(day)) {
            throw new RuleViolationException("within-period", field + " " + day + " lies outside the engagement period " + period);
        }
    }

    private void requireCurrency(String field, Money amount) {
        if (!amount.isSameCurrency(ceiling)) {
            throw currencyMismatch(field, amount, ceiling);
        }
    }

    /** hours x hourlyRate; refused when beyond any amount the ledger holds (and so beyond every ceiling). */
    private static Money timeCost(LogTime command) {
        Money rate = command.hourlyRate();
        BigDecimal cost = rate.amount().multiply(command.hours())
                .setScale(rate.currency().getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
        if (cost.compareTo(Money.LIMIT) >= 0) {
            throw new RuleViolationException("amount-limit", "hours x hourlyRate = " + cost.toPlainString() + " "
                    + rate.currency().getCurrencyCode() + " must be below " + Money.LIMIT.toPlainString());
        }
        return rate.times(command.hours());
    }

    // Compared as "amount > room" rather than "sum > limit": the sum of two amounts may be beyond what Money holds.
    private void requireWithinCeiling(Money amount) {
        if (amount.isGreaterThan(ceiling.minus(committed))) {
            throw new CeilingExceededException(ceiling, committed, amount);
        }
    }

    private void requireInvoicedWithinCommitted(Money amount) {
        Money invoiced = invoices.values().stream()
                .filter(i -> i.status() != InvoiceStatus.DISPUTED)
                .map(Invoice::amount)
                .reduce(Money.zero(ceiling.currency()), Money::plus);
        if (amount.isGreaterThan(committed.minus(invoiced))) {
            throw new RuleViolationException("invoiced-within-committed", "invoices may not exceed recorded cost: committed "
                    + committed + ", already invoiced " + invoiced + ", attempted " + amount);
        }
    }

    private Requirement requirement(RequirementId id) {
        Requirement requirement = requirements.get(id);
        if (requirement == null) {
            throw unknown("requirement", id.value());
        }
        return requirement;
    }

    private Requirement submittedRequirement(RequirementId id) {
        Requirement requirement = requirement(id);
        if (requirement.status() != RequirementStatus.FULFILMENT_SUBMITTED) {
            throw new InvalidStateException("requirement " + id + " is " + requirement.status()
                    + "; only a submitted fulfilment can be accepted or rejected");
        }
        return requirement;
    }

    private CapabilityTarget target(CapabilityTargetId id) {
        CapabilityTarget target = targets.get(id);
        if (target == null) {
            throw unknown("capability target", id.value());
        }
        return target;
    }

    private Invoice invoice(InvoiceId id) {
        Invoice invoice = invoices.get(id);
        if (invoice == null) {
            throw unknown("invoice", id.value());
        }
        return invoice;
    }

    private CostLineId nextCostLine() {
        return new CostLineId("cost-" + (costLines + 1));
    }

    private RuleViolationException unknown(String kind, String id) {
        return new RuleViolationException("unknown-reference", "no " + kind + " '" + id + "' in engagement " + engagementId);
    }

    private RuleViolationException duplicate(String kind, String id) {
        return new RuleViolationException("duplicate-id", kind + " id '" + id + "' is already used in engagement " + engagementId);
    }

    private static RuleViolationException currencyMismatch(String field, Money amount, Money engagementMoney) {
        return new RuleViolationException("currency-matches", field + " is in " + amount.currency().getCurrencyCode()
                + " but the engagement is in " + engagementMoney.currency().getCurrencyCode());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
