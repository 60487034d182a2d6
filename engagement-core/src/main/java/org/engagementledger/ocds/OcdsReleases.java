package org.engagementledger.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.engagementledger.api.Actor;
import org.engagementledger.api.Identifier;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.Period;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.AuditorNoteAdded;
import org.engagementledger.api.engagement.DataSubjectErased;
import org.engagementledger.api.engagement.CapabilityAchievement;
import org.engagementledger.api.engagement.CapabilityAssessed;
import org.engagementledger.api.engagement.CapabilityTargetDefined;
import org.engagementledger.api.engagement.CeilingAmended;
import org.engagementledger.api.engagement.ConflictOfInterestDeclared;
import org.engagementledger.api.engagement.DecisionRecorded;
import org.engagementledger.api.engagement.DeclarationTiming;
import org.engagementledger.api.engagement.EngagementActivated;
import org.engagementledger.api.engagement.EngagementCommissioned;
import org.engagementledger.api.engagement.EngagementCompleted;
import org.engagementledger.api.engagement.EngagementEvent;
import org.engagementledger.api.engagement.EngagementTerminated;
import org.engagementledger.api.engagement.Evaluation;
import org.engagementledger.api.engagement.ExpenseRecorded;
import org.engagementledger.api.engagement.FeedbackAnswered;
import org.engagementledger.api.engagement.FeedbackReceived;
import org.engagementledger.api.engagement.FulfilmentAccepted;
import org.engagementledger.api.engagement.FulfilmentRejected;
import org.engagementledger.api.engagement.FulfilmentSubmitted;
import org.engagementledger.api.engagement.InHouseAlternative;
import org.engagementledger.api.engagement.InvoiceAccepted;
import org.engagementledger.api.engagement.InvoiceDisputed;
import org.engagementledger.api.engagement.InvoiceRegistered;
import org.engagementledger.api.engagement.MilestoneOutcomeRecorded;
import org.engagementledger.api.engagement.MilestoneScheduled;
import org.engagementledger.api.engagement.MilestoneStatus;
import org.engagementledger.api.engagement.RequirementAdded;
import org.engagementledger.api.engagement.RequirementRevised;
import org.engagementledger.api.engagement.RequirementWithdrawn;
import org.engagementledger.api.engagement.RightsHolderImpactRecorded;
import org.engagementledger.api.engagement.TimeLogged;
import org.engagementledger.api.engagement.TransferActivityRecorded;
import org.engagementledger.audit.AuditedEvent;
import org.engagementledger.audit.EngagementHistory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one engagement's history into its OCDS releases, one per meaningful change (every event but an
 * auditor's note). Each release carries its identifying fields, the buyer and the parties as they stand
 * after the change, and only what the change adds or alters: the compiled release
 * ({@link OcdsMerge}) puts the whole process together again. The mapping is tabled in
 * {@code docs/ocds.md}; this class is its single implementation.
 *
 * <p>Stateful over one history (the running ceiling, committed cost, the latest submission of each
 * requirement): create one per export.
 */
final class OcdsReleases {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> RELEASE_FIELDS = List.of("ocid", "id", "date", "tag", "initiationType", "parties",
            "buyer", "planning", "tender", "awards", "contracts", OcdsExtension.FIELD);
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final OcdsOptions options;
    private final EngagementHistory history;

    private String ocid;
    private EngagementCommissioned commissioning;
    private boolean awarded;
    private boolean paymentsMade;
    private Money ceiling;
    private Money committed;
    private String previousReleaseId;
    private final Map<RequirementId, String> latestSubmission = new HashMap<>();
    private final Map<String, ObjectNode> plannedMilestones = new LinkedHashMap<>();

    OcdsReleases(OcdsOptions options, EngagementHistory history) {
        this.options = options;
        this.history = history;
    }

    /** The ocid of an engagement: its procurement reference when recorded, else the prefix and engagement id. */
    static String ocid(OcdsOptions options, EngagementCommissioned commissioned) {
        String reference = commissioned.procurementReference();
        if (reference != null && !reference.isBlank()) {
            return reference;
        }
        return options.ocidPrefix() + "-" + commissioned.engagementId().value();
    }

    /** The commissioning event that opens the history, which every release depends on. */
    static EngagementCommissioned commissioning(EngagementHistory history) {
        if (history.events().isEmpty()) {
            throw new IllegalArgumentException("engagement " + history.engagementId() + " has no events to export");
        }
        AuditedEvent first = history.events().get(0);
        if (!(first.event() instanceof EngagementCommissioned commissioned)) {
            throw new IllegalArgumentException("the history of engagement " + history.engagementId() + " opens with "
                    + first.eventType() + " (sequence " + first.sequence() + "), not EngagementCommissioned: it cannot be exported as OCDS");
        }
        return commissioned;
    }

    List<ObjectNode> releases() {
        commissioning = commissioning(history);
        ocid = ocid(options, commissioning);
        List<ObjectNode> releases = new ArrayList<>();
        for (AuditedEvent event : history.events()) {
            if (event.event() instanceof AuditorNoteAdded || event.event() instanceof DataSubjectErased) {
                continue; // about the record, not the contracting process: read it in the audit timeline
            }
            Release release = new Release(event);
            apply(release, event.event());
            releases.add(release.build());
            previousReleaseId = release.id;
        }
        return releases;
    }

    // ---- the mapping, event by event ----------------------------------------------------------------------

    private void apply(Release r, EngagementEvent event) {
        if (event instanceof EngagementCommissioned e) {
            commissioned(r, e);
        } else if (event instanceof EngagementActivated e) {
            activated(r, e);
        } else if (event instanceof CeilingAmended e) {
            ceilingAmended(r, e);
        } else if (event instanceof RequirementAdded e) {
            r.tag(awarded ? "contractUpdate" : "planningUpdate");
            ObjectNode requirement = r.extItem("requirements", e.requirementId());
            put(requirement, "statedBy", OcdsCodes.code(e.statedBy()));
            requirement.put("status", "open");
            requirement.put("version", 1);
            ObjectNode version = item(requirement, "versions", "1");
            version.put("version", 1);
            put(version, "outcome", e.outcome());
            strings(version, "acceptanceCriteria", e.acceptanceCriteria());
            version.put("lacksAcceptanceCriteria", e.lacksAcceptanceCriteria());
            put(version, "verificationMethod", e.verificationMethod());
            r.stamp(version, "date", "recordedBy");
        } else if (event instanceof RequirementRevised e) {
            r.tag(awarded ? "contractUpdate" : "planningUpdate");
            ObjectNode requirement = r.extItem("requirements", e.requirementId());
            requirement.put("status", "open");
            requirement.put("version", e.version());
            ObjectNode version = item(requirement, "versions", Integer.toString(e.version()));
            version.put("version", e.version());
            put(version, "outcome", e.outcome());
            strings(version, "acceptanceCriteria", e.acceptanceCriteria());
            version.put("lacksAcceptanceCriteria", e.lacksAcceptanceCriteria());
            put(version, "verificationMethod", e.verificationMethod());
            put(version, "reason", e.reason());
            r.stamp(version, "date", "recordedBy");
        } else if (event instanceof RequirementWithdrawn e) {
            r.tag(awarded ? "contractUpdate" : "planningUpdate");
            ObjectNode requirement = r.extItem("requirements", e.requirementId());
            requirement.put("status", "withdrawn");
            ObjectNode withdrawal = requirement.putObject("withdrawal");
            put(withdrawal, "reason", e.reason());
            r.stamp(withdrawal, "date", "withdrawnBy");
        } else if (event instanceof FulfilmentSubmitted e) {
            r.tag("implementation");
            String id = Long.toString(r.sequence);
            latestSubmission.put(e.requirementId(), id);
            ObjectNode requirement = r.extItem("requirements", e.requirementId());
            requirement.put("status", "fulfilmentSubmitted");
            ObjectNode fulfilment = item(requirement, "fulfilments", id);
            fulfilment.put("version", e.version());
            put(fulfilment, "evidence", e.evidence());
            r.stamp(fulfilment, "submitted", "submittedBy");
        } else if (event instanceof FulfilmentAccepted e) {
            ObjectNode fulfilment = decidedFulfilment(r, e.requirementId(), e.version(), "accepted");
            strings(fulfilment, "acceptanceCriteria", e.acceptanceCriteria());
            put(fulfilment, "assessment", e.assessment());
            r.stamp(fulfilment, "decided", "decidedBy");
        } else if (event instanceof FulfilmentRejected e) {
            ObjectNode fulfilment = decidedFulfilment(r, e.requirementId(), e.version(), "rejected");
            put(fulfilment, "reason", e.reason());
            r.stamp(fulfilment, "decided", "decidedBy");
        } else if (event instanceof CapabilityTargetDefined e) {
            r.tag(awarded ? "contractUpdate" : "planningUpdate");
            ObjectNode target = r.extItem("capabilityTargets", e.targetId());
            put(target, "capability", e.capability());
            put(target, "recipientTeam", e.recipientTeam());
            target.put("baselineLevel", e.baselineLevel());
            target.put("targetLevel", e.targetLevel());
            r.stamp(target, "defined", "definedBy");
        } else if (event instanceof TransferActivityRecorded e) {
            r.tag("implementation");
            ObjectNode activity = item(r.extItem("capabilityTargets", e.targetId()), "activities", Long.toString(r.sequence));
            put(activity, "kind", OcdsCodes.code(e.kind()));
            put(activity, "date", e.date());
            put(activity, "hours", e.hours());
            activity.put("participants", e.participants());
            put(activity, "description", e.description());
            r.actor(activity, "recordedBy");
        } else if (event instanceof CapabilityAssessed e) {
            r.tag("implementation");
            ObjectNode target = r.extItem("capabilityTargets", e.targetId());
            target.put("assessedLevel", e.level());
            ObjectNode assessment = item(target, "assessments", Long.toString(r.sequence));
            assessment.put("level", e.level());
            put(assessment, "evidence", e.evidence());
            r.stamp(assessment, "date", "assessor");
        } else if (event instanceof TimeLogged e) {
            r.tag("implementation");
            ObjectNode line = r.extItem("costLines", e.costLineId());
            line.put("kind", "time");
            put(line, "date", e.date());
            put(line, "person", e.person());
            put(line, "personRole", e.personRole());
            put(line, "hours", e.hours());
            putValue(line, "hourlyRate", e.hourlyRate());
            putValue(line, "amount", e.amount());
            put(line, "category", OcdsCodes.code(e.category()));
            put(line, "requirementId", e.requirementId());
            put(line, "description", e.description());
            r.actor(line, "recordedBy");
            committed(r, e.amount());
        } else if (event instanceof ExpenseRecorded e) {
            r.tag("implementation");
            ObjectNode line = r.extItem("costLines", e.costLineId());
            line.put("kind", "expense");
            put(line, "date", e.date());
            putValue(line, "amount", e.amount());
            put(line, "category", OcdsCodes.code(e.category()));
            put(line, "description", e.description());
            r.actor(line, "recordedBy");
            committed(r, e.amount());
        } else if (event instanceof InvoiceRegistered e) {
            r.tag("implementation");
            ObjectNode invoice = r.extItem("invoices", e.invoiceId());
            put(invoice, "issued", e.issued());
            putValue(invoice, "amount", e.amount());
            if (e.billedRequirements() != null) {
                strings(invoice, "billedRequirements", e.billedRequirements().stream().map(Identifier::value).toList());
            }
            invoice.put("backedByAcceptedDeliverable", e.backedByAcceptedDeliverable());
            invoice.put("status", "registered");
            r.stamp(invoice, "registered", "registeredBy");
        } else if (event instanceof InvoiceAccepted e) {
            r.tag("implementation");
            paymentsMade = true;
            ObjectNode transaction = item(r.implementation(), "transactions", e.invoiceId().value());
            transaction.put("date", r.date);
            putValue(transaction, "value", e.amount());
            transaction.set("payer", reference(commissioning.buyer()));
            transaction.set("payee", reference(commissioning.supplier()));
            ObjectNode invoice = r.extItem("invoices", e.invoiceId());
            invoice.put("status", "accepted");
            r.stamp(invoice, "accepted", "acceptedBy");
        } else if (event instanceof InvoiceDisputed e) {
            r.tag("implementationUpdate");
            ObjectNode invoice = r.extItem("invoices", e.invoiceId());
            invoice.put("status", "disputed");
            ObjectNode dispute = invoice.putObject("dispute");
            put(dispute, "reason", e.reason());
            r.stamp(dispute, "date", "disputedBy");
        } else if (event instanceof RightsHolderImpactRecorded e) {
            r.tag(awarded ? "implementation" : "planningUpdate");
            ObjectNode impact = item(r.ext(), "rightsHolderImpacts", Long.toString(r.sequence));
            put(impact, "group", e.group());
            strings(impact, "rightsEngaged", e.rightsEngaged());
            put(impact, "participation", e.participation());
            put(impact, "nonDiscriminationAssessment", OcdsCodes.code(e.assessment()));
            put(impact, "assessmentNote", e.assessmentNote());
            put(impact, "remedyChannel", e.remedyChannel());
            r.stamp(impact, "date", "recordedBy");
        } else if (event instanceof FeedbackReceived e) {
            r.tag(awarded ? "implementation" : "planningUpdate");
            ObjectNode feedback = r.extItem("feedback", e.feedbackId());
            put(feedback, "source", OcdsCodes.code(e.source()));
            put(feedback, "observation", e.observation());
            put(feedback, "linkedRequirement", e.linkedRequirement());
            feedback.put("status", "open");
            r.stamp(feedback, "received", "recordedBy");
        } else if (event instanceof FeedbackAnswered e) {
            r.tag(awarded ? "implementationUpdate" : "planningUpdate");
            ObjectNode feedback = r.extItem("feedback", e.feedbackId());
            feedback.put("status", "answered");
            ObjectNode answer = feedback.putObject("answer");
            put(answer, "response", e.response());
            put(answer, "decision", e.decision());
            r.stamp(answer, "date", "decidedBy");
        } else if (event instanceof ConflictOfInterestDeclared e) {
            conflictDeclared(r, e);
        } else if (event instanceof DecisionRecorded e) {
            r.tag(awarded ? "contractUpdate" : "planningUpdate");
            ObjectNode decision = r.extItem("decisions", e.decisionId());
            put(decision, "subject", e.subject());
            put(decision, "rationale", e.rationale());
            put(decision, "decidedOn", e.decidedOn());
            r.stamp(decision, "recorded", "decidedBy");
        } else if (event instanceof MilestoneScheduled e) {
            milestoneScheduled(r, e);
        } else if (event instanceof MilestoneOutcomeRecorded e) {
            r.tag("implementationUpdate");
            ObjectNode milestone = item(r.implementation(), "milestones", e.milestoneId().value());
            put(milestone, "status", OcdsCodes.code(e.status()));
            if (e.dateMet() != null) {
                milestone.put("dateMet", OcdsDates.startOfDay(e.dateMet(), options.zone()));
            } else if (e.status() != MilestoneStatus.MET) {
                milestone.putNull("dateMet"); // clears a date met by an earlier partial outcome
            }
            milestone.put("dateModified", r.date);
            ObjectNode outcome = r.extItem("milestones", e.milestoneId());
            put(outcome, "status", OcdsCodes.code(e.status()));
            put(outcome, "outcomeNote", e.note());
            r.stamp(outcome, "outcomeRecorded", "acceptedBy");
        } else if (event instanceof EngagementCompleted e) {
            closed(r, "completed");
            ObjectNode closure = r.ext().putObject("closure");
            closure.put("kind", "completed");
            r.stamp(closure, "date", "closedBy");
            putValue(closure, "finalCost", e.finalCost());
            evaluation(closure, e.evaluation());
            if (e.capabilityAchieved() != null) {
                ArrayNode achieved = closure.putArray("capabilityAchieved");
                for (CapabilityAchievement a : e.capabilityAchieved()) {
                    ObjectNode entry = achieved.addObject();
                    put(entry, "id", a.targetId());
                    put(entry, "capability", a.capability());
                    put(entry, "recipientTeam", a.recipientTeam());
                    entry.put("baselineLevel", a.baselineLevel());
                    entry.put("targetLevel", a.targetLevel());
                    if (a.assessedLevel() != null) {
                        entry.put("assessedLevel", a.assessedLevel());
                    }
                    entry.put("met", a.met());
                }
            }
        } else if (event instanceof EngagementTerminated e) {
            closed(r, "terminated");
            ObjectNode closure = r.ext().putObject("closure");
            closure.put("kind", "terminated");
            r.stamp(closure, "date", "closedBy");
            put(closure, "reason", e.reason());
            putValue(closure, "finalCost", e.finalCost());
        } else {
            throw new IllegalStateException("no OCDS mapping for " + event.getClass().getName());
        }
    }

    private void commissioned(Release r, EngagementCommissioned e) {
        r.tag("planning");
        ceiling = e.ceiling();
        committed = e.ceiling() == null ? null : Money.zero(e.ceiling().currency());
        ObjectNode planning = r.planning();
        planning.put("rationale", rationale(e));
        ObjectNode budget = planning.putObject("budget");
        budget.put("id", "ceiling");
        budget.put("description", "Budget ceiling of the engagement");
        putValue(budget, "amount", e.ceiling());
        ArrayNode documents = planning.putArray("documents");
        ObjectNode needs = documents.addObject();
        needs.put("id", "needs-assessment");
        needs.put("documentType", "needsAssessment");
        needs.put("title", "Problem and intended outcome");
        needs.put("description", "Problem: " + nullToEmpty(e.problem()) + "\nIntended outcome: " + nullToEmpty(e.intendedOutcome()));
        if (e.inHouseAlternative() != null) {
            ObjectNode alternative = documents.addObject();
            alternative.put("id", "in-house-alternative");
            alternative.put("documentType", "needsAssessment");
            alternative.put("title", "In-house alternative considered");
            alternative.put("description", inHouseComparison(e.inHouseAlternative(), e.ceiling()));
        }
        ObjectNode tender = r.tender();
        put(tender, "title", e.title());
        put(tender, "description", e.intendedOutcome());
        tender.put("status", "planning");

        ObjectNode ext = r.ext();
        put(ext, "engagementId", e.engagementId());
        ext.put("status", "commissioned");
        ObjectNode c = ext.putObject("commissioning");
        put(c, "title", e.title());
        put(c, "buyerUnit", e.buyerUnit());
        if (e.supplier() != null) {
            c.set("supplier", reference(e.supplier()));
        }
        put(c, "problem", e.problem());
        put(c, "intendedOutcome", e.intendedOutcome());
        put(c, "consultantReason", OcdsCodes.code(e.reason()));
        c.put("coreWork", e.coreWork());
        put(c, "coreWorkJustification", e.coreWorkJustification());
        if (e.inHouseAlternative() != null) {
            ObjectNode alternative = c.putObject("inHouseAlternative");
            put(alternative, "description", e.inHouseAlternative().description());
            putValue(alternative, "estimatedCost", e.inHouseAlternative().estimatedCost());
        }
        putValue(c, "ceiling", e.ceiling());
        if (e.period() != null) {
            ObjectNode period = c.putObject("period");
            put(period, "start", e.period().start());
            put(period, "end", e.period().end());
        }
        put(c, "procurementReference", e.procurementReference());
        strings(c, "rightsHolderGroups", e.rightsHolderGroups());
        r.actor(c, "decidedBy");
    }

    private void activated(Release r, EngagementActivated e) {
        r.tag("award", "contract");
        awarded = true;
        r.tender().put("status", "complete");
        String signed = e.contractSigned() == null ? null : OcdsDates.startOfDay(e.contractSigned(), options.zone());
        ObjectNode award = r.award();
        put(award, "title", commissioning.title());
        put(award, "description", commissioning.intendedOutcome());
        award.put("status", "active");
        put(award, "date", signed);
        putValue(award, "value", ceiling);
        award.putArray("suppliers").add(reference(commissioning.supplier()));
        period(award, "contractPeriod", commissioning.period());

        ObjectNode contract = r.contract();
        put(contract, "title", commissioning.title());
        put(contract, "description", commissioning.intendedOutcome());
        contract.put("status", "active");
        period(contract, "period", commissioning.period());
        putValue(contract, "value", ceiling);
        put(contract, "dateSigned", signed);
        if (!plannedMilestones.isEmpty()) {
            ArrayNode milestones = r.implementation().putArray("milestones");
            plannedMilestones.values().forEach(m -> milestones.add(m.deepCopy()));
        }

        ObjectNode ext = r.ext();
        ext.put("status", "active");
        ObjectNode activation = ext.putObject("activation");
        put(activation, "contractSigned", e.contractSigned());
        r.actor(activation, "activatedBy");
    }

    private void ceilingAmended(Release r, CeilingAmended e) {
        Money before = e.previousCeiling() != null ? e.previousCeiling() : ceiling;
        Money after = e.newCeiling();
        Money original = commissioning.ceiling();
        Money change = before != null && after != null && before.isSameCurrency(after) ? after.minus(before) : null;
        BigDecimal percent = change != null && original != null && original.isSameCurrency(change) && original.isPositive()
                ? change.amount().multiply(HUNDRED).divide(original.amount(), 2, RoundingMode.HALF_EVEN) : null;
        String description = "Budget ceiling amended from " + before + " to " + after
                + (change == null ? "" : " (" + signed(change.amount()) + " " + change.currency().getCurrencyCode()
                + (percent == null ? "" : ", " + signed(percent) + " % of the original ceiling of " + original) + ")")
                + (e.requestedBy() == null ? "" : "; requested by " + e.requestedBy()) + ".";
        if (awarded) {
            r.tag("contractAmendment");
            ObjectNode contract = r.contract();
            putValue(contract, "value", after);
            ObjectNode amendment = item(contract, "amendments", e.amendmentId().value());
            amendment.put("date", r.date);
            put(amendment, "rationale", e.rationale());
            amendment.put("description", description);
            put(amendment, "amendsReleaseID", previousReleaseId);
            amendment.put("releaseID", r.id);
        } else {
            r.tag("planningUpdate");
            putValue(r.planning().putObject("budget").put("id", "ceiling"), "amount", after);
        }
        ceiling = after;
        ObjectNode amendment = r.extItem("ceilingAmendments", e.amendmentId());
        amendment.put("beforeAward", !awarded);
        putValue(amendment, "valueBefore", before);
        putValue(amendment, "valueAfter", after);
        putValue(amendment, "change", change);
        put(amendment, "percentOfOriginalCeiling", percent);
        put(amendment, "rationale", e.rationale());
        put(amendment, "requestedBy", e.requestedBy());
        r.stamp(amendment, "date", "approvedBy");
    }

    private void conflictDeclared(Release r, ConflictOfInterestDeclared e) {
        r.tag(awarded ? "contractUpdate" : "planningUpdate");
        ObjectNode section = awarded ? r.contract() : r.tender();
        ObjectNode document = item(section, "documents", e.declarationId().value());
        document.put("documentType", "conflictOfInterest");
        document.put("title", "Conflict of interest " + (e.timing() == DeclarationTiming.DISCOVERED_LATER
                ? "discovered after award" : "declared before award"));
        document.put("description", capitalised(OcdsCodes.words(e.nature())) + " conflict of interest declared by "
                + nullToEmpty(e.declarant()) + ": " + nullToEmpty(e.description()) + " Mitigation: " + nullToEmpty(e.mitigation()));
        ObjectNode conflict = r.extItem("conflictsOfInterest", e.declarationId());
        put(conflict, "declarant", e.declarant());
        put(conflict, "nature", OcdsCodes.code(e.nature()));
        put(conflict, "description", e.description());
        put(conflict, "mitigation", e.mitigation());
        put(conflict, "timing", OcdsCodes.code(e.timing()));
        r.stamp(conflict, "date", "recordedBy");
    }

    private void milestoneScheduled(Release r, MilestoneScheduled e) {
        ObjectNode milestone;
        if (awarded) {
            r.tag("implementation");
            milestone = item(r.implementation(), "milestones", e.milestoneId().value());
        } else {
            r.tag("planningUpdate");
            milestone = item(r.planning(), "milestones", e.milestoneId().value());
        }
        put(milestone, "title", e.title());
        milestone.put("type", "delivery");
        if (e.dueDate() != null) {
            milestone.put("dueDate", OcdsDates.endOfDay(e.dueDate(), options.zone()));
        }
        milestone.put("status", "scheduled");
        milestone.put("dateModified", r.date);
        if (!awarded) {
            plannedMilestones.put(e.milestoneId().value(), milestone.deepCopy());
        }
        ObjectNode scheduled = r.extItem("milestones", e.milestoneId());
        r.stamp(scheduled, "scheduled", "scheduledBy");
    }

    private void closed(Release r, String status) {
        if (awarded) {
            r.tag("contractTermination");
            r.contract().put("status", "terminated");
        } else {
            r.tag("tenderCancellation");
            r.tender().put("status", "cancelled");
        }
        r.ext().put("status", status);
    }

    private void committed(Release r, Money amount) {
        if (amount == null) {
            return;
        }
        committed = committed == null ? amount : committed.isSameCurrency(amount) ? committed.plus(amount) : committed;
        putValue(r.ext(), "committedCost", committed);
    }

    /** An accept or reject decision: the requirement's status and its latest submission's fulfilment, marked with it. */
    private ObjectNode decidedFulfilment(Release r, RequirementId requirementId, int version, String decision) {
        r.tag("implementationUpdate");
        ObjectNode requirement = r.extItem("requirements", requirementId);
        requirement.put("status", decision);
        ObjectNode fulfilment = item(requirement, "fulfilments", submissionOf(requirementId, r));
        fulfilment.put("version", version);
        fulfilment.put("decision", decision);
        return fulfilment;
    }

    private String submissionOf(RequirementId requirement, Release r) {
        String id = latestSubmission.get(requirement);
        return id != null ? id : Long.toString(r.sequence); // a decision without a submission on record
    }

    private static void evaluation(ObjectNode closure, Evaluation evaluation) {
        if (evaluation == null) {
            return;
        }
        ObjectNode node = closure.putObject("evaluation");
        put(node, "outcomesAgainstTargets", evaluation.outcomesAgainstTargets());
        put(node, "benefitsRealised", evaluation.benefitsRealised());
        putValue(node, "costsAvoided", evaluation.costsAvoided());
        put(node, "supplierPerformance", evaluation.supplierPerformance());
        node.put("agencyCanContinueAlone", evaluation.agencyCanContinueAlone());
        put(node, "lessonsLearned", evaluation.lessonsLearned());
    }

    private static String rationale(EngagementCommissioned e) {
        StringBuilder text = new StringBuilder();
        text.append("Problem: ").append(nullToEmpty(e.problem()));
        text.append("\nWhy a consultant rather than agency staff: ").append(OcdsCodes.words(e.reason())).append('.');
        if (e.coreWork()) {
            text.append("\nCore work of the agency, outsourced because: ").append(nullToEmpty(e.coreWorkJustification()));
        }
        return text.toString();
    }

    private static String inHouseComparison(InHouseAlternative alternative, Money ceiling) {
        return nullToEmpty(alternative.description()) + "\nEstimated in-house cost: " + alternative.estimatedCost()
                + "; budget ceiling for the consultant: " + ceiling + ".";
    }

    // ---- JSON helpers -------------------------------------------------------------------------------------

    private ObjectNode reference(Party party) {
        ObjectNode node = JSON.objectNode();
        node.put("id", party.id());
        node.put("name", party.name());
        return node;
    }

    private void period(ObjectNode parent, String field, Period period) {
        if (period == null) {
            return;
        }
        ObjectNode node = parent.putObject(field);
        node.put("startDate", OcdsDates.startOfDay(period.start(), options.zone()));
        node.put("endDate", OcdsDates.endOfDay(period.end(), options.zone()));
    }

    /** The object with {@code id} in {@code parent.field[]}, created (with the array) when missing. */
    static ObjectNode item(ObjectNode parent, String field, String id) {
        JsonNode existing = parent.get(field);
        ArrayNode array = existing instanceof ArrayNode a ? a : parent.putArray(field);
        for (JsonNode element : array) {
            if (element.path("id").asText().equals(id)) {
                return (ObjectNode) element;
            }
        }
        ObjectNode created = array.addObject();
        created.put("id", id);
        return created;
    }

    static ObjectNode value(Money money) {
        ObjectNode node = JSON.objectNode();
        node.put("amount", money.amount());
        node.put("currency", money.currency().getCurrencyCode());
        return node;
    }

    private static void putValue(ObjectNode parent, String field, Money money) {
        if (money != null) {
            parent.set(field, value(money));
        }
    }

    private static void put(ObjectNode parent, String field, String text) {
        if (text != null) {
            parent.put(field, text);
        }
    }

    private static void put(ObjectNode parent, String field, Identifier id) {
        if (id != null) {
            parent.put(field, id.value());
        }
    }

    private static void put(ObjectNode parent, String field, LocalDate day) {
        if (day != null) {
            parent.put(field, day.toString());
        }
    }

    private static void put(ObjectNode parent, String field, BigDecimal number) {
        if (number != null) {
            parent.put(field, number);
        }
    }

    private static void strings(ObjectNode parent, String field, List<String> values) {
        if (values != null) {
            ArrayNode array = parent.putArray(field);
            values.forEach(array::add);
        }
    }

    private static String signed(BigDecimal amount) {
        return (amount.signum() >= 0 ? "+" : "") + amount.toPlainString();
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    // ---- one release under construction --------------------------------------------------------------------

    private final class Release {
        final long sequence;
        final String id;
        final String date;
        final Actor actor;
        final String eventType;
        final List<String> tags = new ArrayList<>();
        final ObjectNode root = JSON.objectNode();

        Release(AuditedEvent event) {
            this.sequence = event.sequence();
            this.id = ocid + "-" + event.sequence();
            this.date = OcdsDates.instant(event.timestamp());
            this.actor = event.actor();
            this.eventType = event.eventType();
        }

        void tag(String... codes) {
            tags.addAll(List.of(codes));
        }

        ObjectNode planning() {
            return section("planning");
        }

        ObjectNode tender() {
            ObjectNode tender = section("tender");
            tender.put("id", commissioning.engagementId().value());
            return tender;
        }

        ObjectNode award() {
            return item(root, "awards", commissioning.engagementId().value());
        }

        /** The engagement's one contract, with its required id and awardID. */
        ObjectNode contract() {
            ObjectNode contract = item(root, "contracts", commissioning.engagementId().value());
            contract.put("awardID", commissioning.engagementId().value());
            return contract;
        }

        ObjectNode implementation() {
            JsonNode existing = contract().get("implementation");
            return existing instanceof ObjectNode o ? o : contract().putObject("implementation");
        }

        ObjectNode ext() {
            JsonNode existing = root.get(OcdsExtension.FIELD);
            if (existing instanceof ObjectNode o) {
                return o;
            }
            ObjectNode ext = root.putObject(OcdsExtension.FIELD);
            ObjectNode source = ext.putObject("source");
            source.put("engagementId", commissioning.engagementId().value());
            source.put("sequence", sequence);
            source.put("eventType", eventType);
            actor(source, "recordedBy");
            return ext;
        }

        ObjectNode extItem(String field, Identifier id) {
            return item(ext(), field, id.value());
        }

        /** When (the event's timestamp) and, if actors are published, by whom. */
        void stamp(ObjectNode node, String dateField, String actorField) {
            node.put(dateField, date);
            actor(node, actorField);
        }

        void actor(ObjectNode node, String field) {
            if (options.includeActors() && actor != null) {
                ObjectNode by = node.putObject(field);
                by.put("id", actor.id());
                by.put("role", OcdsCodes.code(actor.role()));
                by.put("organisation", actor.organisation());
            }
        }

        private ObjectNode section(String name) {
            JsonNode existing = root.get(name);
            return existing instanceof ObjectNode o ? o : root.putObject(name);
        }

        ObjectNode build() {
            if (tags.isEmpty()) {
                throw new IllegalStateException("no tag for " + eventType);
            }
            ObjectNode release = JSON.objectNode();
            release.put("ocid", ocid);
            release.put("id", id);
            release.put("date", date);
            ArrayNode tag = release.putArray("tag");
            tags.forEach(tag::add);
            release.put("initiationType", "tender");
            release.set("parties", parties());
            release.set("buyer", reference(commissioning.buyer()));
            ext(); // every release says which ledger event it comes from
            for (String field : RELEASE_FIELDS) {
                if (root.has(field) && !release.has(field)) {
                    release.set(field, root.get(field));
                }
            }
            return release;
        }

        /** The parties and their roles as they stand after this change. */
        private ArrayNode parties() {
            ArrayNode parties = JSON.arrayNode();
            ObjectNode buyer = party(commissioning.buyer());
            if (commissioning.buyerUnit() != null) {
                buyer.putObject("contactPoint").put("name", commissioning.buyerUnit());
            }
            ArrayNode buyerRoles = buyer.putArray("roles").add("buyer");
            if (paymentsMade) {
                buyerRoles.add("payer");
            }
            parties.add(buyer);
            if (awarded) {
                ObjectNode supplier = party(commissioning.supplier());
                ArrayNode supplierRoles = supplier.putArray("roles").add("supplier");
                if (paymentsMade) {
                    supplierRoles.add("payee");
                }
                parties.add(supplier);
            }
            return parties;
        }

        private ObjectNode party(Party party) {
            ObjectNode node = JSON.objectNode();
            node.put("id", party.id());
            node.put("name", party.name());
            ObjectNode identifier = node.putObject("identifier");
            if (options.partyIdentifierScheme() != null) {
                identifier.put("scheme", options.partyIdentifierScheme());
            }
            identifier.put("id", party.id());
            identifier.put("legalName", party.name());
            return node;
        }
    }
}
