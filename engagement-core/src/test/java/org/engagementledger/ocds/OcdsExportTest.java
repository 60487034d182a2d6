package org.engagementledger.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.engagementledger.api.AmendmentId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.engagement.CeilingAmended;
import org.engagementledger.api.engagement.EngagementActivated;
import org.engagementledger.api.engagement.EngagementStatus;
import org.engagementledger.api.engagement.EngagementTerminated;
import org.engagementledger.api.engagement.MilestoneOutcomeRecorded;
import org.engagementledger.api.engagement.MilestoneScheduled;
import org.engagementledger.api.engagement.MilestoneStatus;
import org.engagementledger.api.engagement.RequirementAdded;
import org.engagementledger.api.engagement.StatedBy;
import org.engagementledger.api.MilestoneId;
import org.engagementledger.api.RequirementId;
import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.audit.EngagementState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.engagementledger.engagement.EngagementFixtures.AGENCY_STAFF;
import static org.engagementledger.engagement.EngagementFixtures.BUYER_OFFICIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mapping from ledger events to OCDS releases, on the audit's realistic and troubled engagements
 * (figures restated by hand) and on small histories for the edges.
 */
class OcdsExportTest {

    private static final String OCID = "ocds-nv0001-ENG-2026-010";

    private final OcdsExport export = OcdsExport.withDefaults();
    private final List<ObjectNode> realistic = export.releases(OcdsScenarios.realistic());

    // ---- one release per meaningful change -----------------------------------------------------------------

    @Test
    void theRealisticEngagementBecomesOneReleasePerChangeWithTheExpectedTagsInOrder() {
        List<String> expected = List.of(
                "planning",                                   // 0 commissioned
                "planningUpdate", "planningUpdate",           // 1-2 requirements stated before award
                "planningUpdate",                             // 3 capability target
                "planningUpdate",                             // 4 conflict declared before award
                "award contract",                             // 5 contract signed
                "implementation",                             // 6 rights-holder impact
                "implementation", "implementation",           // 7-8 time logged
                "implementation",                             // 9 transfer activity
                "implementation",                             // 10 feedback received
                "contractUpdate",                             // 11 requirement revised
                "implementationUpdate",                       // 12 feedback answered
                "implementation",                             // 13 expense
                "implementation", "implementationUpdate",     // 14-15 fulfilment submitted, accepted
                "implementation", "implementation",           // 16-17 invoice registered, accepted (a transaction)
                "contractAmendment",                          // 18 ceiling amended
                "contractUpdate",                             // 19 decision
                "implementation",                             // 20 milestone scheduled
                "implementation",                             // 21 time logged
                "implementation", "implementationUpdate",     // 22-23 submitted, rejected
                "implementation", "implementationUpdate",     // 24-25 submitted, accepted
                "implementationUpdate",                       // 26 milestone met
                "implementation",                             // 27 capability assessed
                "contractTermination");                       // 28 completed; 29, an auditor's note, is no release

        assertEquals(expected, tags(realistic));
        for (int i = 0; i < realistic.size(); i++) {
            assertEquals(OCID + "-" + i, realistic.get(i).get("id").asText());
            assertEquals(i, realistic.get(i).at("/engagementLedger/source/sequence").asInt());
        }
    }

    @Test
    void theTroubledEngagementBecomesOneReleasePerChangeWithTheExpectedTagsInOrder() {
        List<ObjectNode> releases = export.releases(OcdsScenarios.troubled());

        assertEquals(List.of("planning", "award contract",
                "contractUpdate", "contractUpdate", "contractUpdate",        // requirements after award
                "contractUpdate",                                            // capability target
                "implementation", "implementation", "implementation",        // time, invoice registered, accepted
                "contractUpdate",                                            // conflict discovered after award
                "contractAmendment",                                         // 30 % amendment
                "implementation", "implementation", "implementation",        // feedback, assessment, time after period
                "contractTermination"), tags(releases));
    }

    @Test
    void everyReleaseHasTheEventsDateTheOcidInitiationTypeBuyerAndParties() {
        EngagementHistory history = OcdsScenarios.realistic();
        for (ObjectNode release : realistic) {
            long sequence = release.at("/engagementLedger/source/sequence").asLong();
            assertEquals(history.events().get((int) sequence).timestamp().toString(), release.get("date").asText());
            assertEquals(OCID, release.get("ocid").asText());
            assertEquals("tender", release.get("initiationType").asText());
            assertEquals("municipality-northvale", release.at("/buyer/id").asText());
            assertEquals("municipality-northvale", release.at("/parties/0/id").asText());
        }
        assertEquals("2026-01-05T09:00:00Z", realistic.get(0).get("date").asText());
    }

    @Test
    void theSameHistoryExportsToTheSameBytes() {
        String first = OcdsExport.toJson(export.recordPackage(OcdsScenarios.realistic()));
        String second = OcdsExport.toJson(OcdsExport.withDefaults().recordPackage(OcdsScenarios.realistic()));

        assertEquals(first, second);
    }

    @Test
    void theOcidIsTheProcurementReferenceWhenOneWasRecordedElseThePrefixAndTheEngagementId() {
        EngagementId id = EngagementId.of("ENG-2026-099");
        EngagementHistory withoutReference = new OcdsScenarios.History()
                .add("2026-01-05T09:00:00Z", BUYER_OFFICIAL, OcdsScenarios.commissioned(id, null)).build();

        assertEquals(OCID, export.ocid(OcdsScenarios.realistic()));
        assertEquals("ocds-ledger-ENG-2026-099", export.ocid(withoutReference));
        OcdsExport registered = new OcdsExport(OcdsOptions.defaults().withOcidPrefix("ocds-213czf"));
        assertEquals("ocds-213czf-ENG-2026-099", registered.ocid(withoutReference));
        assertEquals("ocds-213czf-ENG-2026-099-0", registered.releases(withoutReference).get(0).get("id").asText());
    }

    @Test
    void aHistoryThatDoesNotOpenWithTheCommissioningIsRefused() {
        EngagementHistory headless = OcdsScenarios.realistic().upToSequence(5);
        EngagementHistory cut = new EngagementHistory(headless.engagementId(), headless.events().subList(1, 6));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> export.releases(cut));
        assertTrue(refused.getMessage().contains("EngagementCommissioned"), refused.getMessage());
    }

    // ---- what each stage carries -------------------------------------------------------------------------------

    @Test
    void theCommissioningIsAPlanningReleaseWithRationaleBudgetAndTheInHouseAlternative() {
        ObjectNode planning = realistic.get(0);

        String rationale = planning.at("/planning/rationale").asText();
        assertTrue(rationale.contains("Problem of Redesign youth job matching"), rationale);
        assertTrue(rationale.contains("specialised skills"), rationale);
        assertEquals(new BigDecimal("100000.00"), planning.at("/planning/budget/amount/amount").decimalValue());
        assertEquals("EUR", planning.at("/planning/budget/amount/currency").asText());
        JsonNode alternative = planning.at("/planning/documents/1");
        assertEquals("needsAssessment", alternative.get("documentType").asText());
        assertTrue(alternative.get("description").asText().contains("Estimated in-house cost: 140000.00 EUR"));
        assertEquals("planning", planning.at("/tender/status").asText());
        assertEquals(List.of("buyer"), texts(planning.at("/parties/0/roles")));
        assertEquals(1, planning.get("parties").size(), "the supplier is a party from the award on");
        assertFalse(planning.has("awards") || planning.has("contracts"));

        JsonNode commissioning = planning.at("/engagementLedger/commissioning");
        assertEquals("specialisedSkills", commissioning.get("consultantReason").asText());
        assertFalse(commissioning.get("coreWork").asBoolean());
        assertEquals(new BigDecimal("140000.00"), commissioning.at("/inHouseAlternative/estimatedCost/amount").decimalValue());
        assertEquals("procurement-lead", commissioning.at("/decidedBy/id").asText());
    }

    @Test
    void theActivationIsTheAwardAndTheSignedContract() {
        ObjectNode award = realistic.get(5);

        assertEquals("active", award.at("/awards/0/status").asText());
        assertEquals("brightpath-consulting", award.at("/awards/0/suppliers/0/id").asText());
        JsonNode contract = award.at("/contracts/0");
        assertEquals(award.at("/awards/0/id").asText(), contract.get("awardID").asText());
        assertEquals("active", contract.get("status").asText());
        assertEquals("2026-01-15T00:00:00Z", contract.get("dateSigned").asText());
        assertEquals("2026-01-01T00:00:00Z", contract.at("/period/startDate").asText());
        assertEquals("2026-12-31T23:59:59Z", contract.at("/period/endDate").asText());
        assertEquals(new BigDecimal("100000.00"), contract.at("/value/amount").decimalValue());
        assertEquals("complete", award.at("/tender/status").asText());
        assertEquals(List.of("supplier"), texts(award.at("/parties/1/roles")));
    }

    @Test
    void aCeilingAmendmentIsAContractAmendmentWithRationaleAndTheValuesBeforeAndAfter() {
        ObjectNode release = realistic.get(18);

        JsonNode amendment = release.at("/contracts/0/amendments/0");
        assertEquals("amendment-1", amendment.get("id").asText());
        assertEquals("2026-03-20T09:00:00Z", amendment.get("date").asText());
        assertEquals("Second pilot office added at the board's request", amendment.get("rationale").asText());
        assertEquals("Budget ceiling amended from 100000.00 EUR to 110000.00 EUR (+10000.00 EUR, +10.00 % of the original ceiling"
                + " of 100000.00 EUR); requested by Head of Employment Services.", amendment.get("description").asText());
        assertEquals(OCID + "-17", amendment.get("amendsReleaseID").asText());
        assertEquals(OCID + "-18", amendment.get("releaseID").asText());
        assertEquals(new BigDecimal("110000.00"), release.at("/contracts/0/value/amount").decimalValue());

        JsonNode recorded = release.at("/engagementLedger/ceilingAmendments/0");
        assertEquals(new BigDecimal("100000.00"), recorded.at("/valueBefore/amount").decimalValue());
        assertEquals(new BigDecimal("110000.00"), recorded.at("/valueAfter/amount").decimalValue());
        assertEquals(new BigDecimal("10000.00"), recorded.at("/change/amount").decimalValue());
        assertEquals(new BigDecimal("10.00"), recorded.get("percentOfOriginalCeiling").decimalValue());
        assertEquals("Head of Employment Services", recorded.get("requestedBy").asText());

        JsonNode troubled = export.releases(OcdsScenarios.troubled()).get(10).at("/contracts/0/amendments/0");
        assertTrue(troubled.get("description").asText().contains("from 50000.00 EUR to 65000.00 EUR (+15000.00 EUR, +30.00 %"),
                troubled.get("description").asText());
        assertEquals("More letter types than expected", troubled.get("rationale").asText());
    }

    @Test
    void anAcceptedInvoiceIsATransactionFromTheBuyerToTheSupplier() {
        ObjectNode accepted = realistic.get(17);

        JsonNode transaction = accepted.at("/contracts/0/implementation/transactions/0");
        assertEquals("INV-1", transaction.get("id").asText());
        assertEquals("2026-03-12T09:00:00Z", transaction.get("date").asText());
        assertEquals(new BigDecimal("1600.00"), transaction.at("/value/amount").decimalValue());
        assertEquals("municipality-northvale", transaction.at("/payer/id").asText());
        assertEquals("brightpath-consulting", transaction.at("/payee/id").asText());
        assertEquals(List.of("buyer", "payer"), texts(accepted.at("/parties/0/roles")));
        assertEquals(List.of("supplier", "payee"), texts(accepted.at("/parties/1/roles")));
        assertEquals(List.of("buyer"), texts(realistic.get(16).at("/parties/0/roles")), "no payer before the first payment");
        assertEquals("accepted", accepted.at("/engagementLedger/invoices/0/status").asText());
    }

    @Test
    void milestonesCarryTheOcdsMilestoneStatusCodes() {
        JsonNode scheduled = realistic.get(20).at("/contracts/0/implementation/milestones/0");
        JsonNode met = realistic.get(26).at("/contracts/0/implementation/milestones/0");

        assertEquals("MS-1", scheduled.get("id").asText());
        assertEquals("scheduled", scheduled.get("status").asText());
        assertEquals("2026-06-30T23:59:59Z", scheduled.get("dueDate").asText());
        assertEquals("delivery", scheduled.get("type").asText());
        assertEquals("met", met.get("status").asText());
        assertEquals("2026-06-20T00:00:00Z", met.get("dateMet").asText());

        EngagementId id = EngagementId.of("ENG-2026-098");
        MilestoneId ms = MilestoneId.of("MS-9");
        List<ObjectNode> releases = export.releases(new OcdsScenarios.History()
                .add("2026-01-05T09:00:00Z", BUYER_OFFICIAL, OcdsScenarios.commissioned(id, null))
                .add("2026-01-10T09:00:00Z", BUYER_OFFICIAL, new EngagementActivated(id, LocalDate.parse("2026-01-10")))
                .add("2026-01-11T09:00:00Z", AGENCY_STAFF, new MilestoneScheduled(id, ms, "Report", LocalDate.parse("2026-03-01")))
                .add("2026-03-02T09:00:00Z", AGENCY_STAFF, new MilestoneOutcomeRecorded(id, ms, MilestoneStatus.PARTIALLY_MET,
                        LocalDate.parse("2026-03-01"), "Half the report"))
                .add("2026-03-09T09:00:00Z", AGENCY_STAFF, new MilestoneOutcomeRecorded(id, ms, MilestoneStatus.NOT_MET, null, "Withdrawn"))
                .build());
        assertEquals("partiallyMet", releases.get(3).at("/contracts/0/implementation/milestones/0/status").asText());
        ObjectNode compiled = OcdsMerge.compile(releases);
        JsonNode last = compiled.at("/contracts/0/implementation/milestones/0");
        assertEquals("notMet", last.get("status").asText());
        assertFalse(last.has("dateMet"), "a later notMet clears the date of the partial outcome");
    }

    @Test
    void completionTerminatesTheContractAndRecordsTheEvaluation() {
        ObjectNode completed = realistic.get(28);

        assertEquals(List.of("contractTermination"), texts(completed.get("tag")));
        assertEquals("terminated", completed.at("/contracts/0/status").asText());
        JsonNode closure = completed.at("/engagementLedger/closure");
        assertEquals("completed", closure.get("kind").asText());
        assertEquals(new BigDecimal("2745.00"), closure.at("/finalCost/amount").decimalValue());
        assertEquals(new BigDecimal("60000.00"), closure.at("/evaluation/costsAvoided/amount").decimalValue());
        assertTrue(closure.at("/capabilityAchieved/0/met").asBoolean());
        assertEquals("completed", completed.at("/engagementLedger/status").asText());
    }

    @Test
    void terminationBeforeTheAwardCancelsTheTenderAndAnAmendmentThenChangesTheBudget() {
        EngagementId id = EngagementId.of("ENG-2026-097");
        EngagementHistory history = new OcdsScenarios.History()
                .add("2026-01-05T09:00:00Z", BUYER_OFFICIAL, OcdsScenarios.commissioned(id, null))
                .add("2026-01-06T09:00:00Z", BUYER_OFFICIAL, new CeilingAmended(id, AmendmentId.of("amendment-1"),
                        Money.of("100000.00", "EUR"), Money.of("80000.00", "EUR"), "Smaller scope", "Board"))
                .add("2026-01-08T09:00:00Z", BUYER_OFFICIAL, new EngagementTerminated(id, "Budget withdrawn", Money.of("0.00", "EUR")))
                .build();

        List<ObjectNode> releases = export.releases(history);

        assertEquals(List.of("planning", "planningUpdate", "tenderCancellation"), tags(releases));
        assertEquals(new BigDecimal("80000.00"), releases.get(1).at("/planning/budget/amount/amount").decimalValue());
        assertTrue(releases.get(1).at("/engagementLedger/ceilingAmendments/0/beforeAward").asBoolean());
        assertEquals("cancelled", releases.get(2).at("/tender/status").asText());
        ObjectNode pack = export.recordPackage(history);
        JsonNode compiled = pack.at("/records/0/compiledRelease");
        assertFalse(compiled.has("contracts"));
        assertEquals("terminated", compiled.at("/engagementLedger/status").asText());
        assertEquals("Budget withdrawn", compiled.at("/engagementLedger/closure/reason").asText());
        assertTrue(OcdsSchemas.recordPackage(OcdsExport.read(OcdsExport.toJson(pack))).isEmpty());
    }

    // ---- the extension -------------------------------------------------------------------------------------------

    @Test
    void theExtensionCarriesWhatOcdsLacks() {
        JsonNode ledger = OcdsMerge.compile(realistic).get(OcdsExtension.FIELD);

        assertEquals("riskMitigated", ledger.at("/rightsHolderImpacts/0/nonDiscriminationAssessment").asText());
        assertEquals("Young unemployed people aged 16-24", ledger.at("/rightsHolderImpacts/0/group").asText());
        assertEquals("answered", ledger.at("/feedback/0/status").asText());
        assertEquals("REQ-1 revised to version 2", ledger.at("/feedback/0/answer/decision").asText());
        assertEquals("agencyUnit", ledger.at("/requirements/0/statedBy").asText());
        assertEquals("frontlineStaff", ledger.at("/requirements/1/statedBy").asText());
        assertEquals(2, ledger.at("/requirements/0/versions").size());
        assertEquals("Frontline staff reported that travel time is ignored", ledger.at("/requirements/0/versions/1/reason").asText());
        assertEquals(List.of("rejected", "accepted"), texts(ledger.at("/requirements/1/fulfilments"), "decision"));
        assertEquals(1, ledger.at("/capabilityTargets/0/baselineLevel").asInt());
        assertEquals(3, ledger.at("/capabilityTargets/0/targetLevel").asInt());
        assertEquals(3, ledger.at("/capabilityTargets/0/assessedLevel").asInt());
        assertEquals("pairing", ledger.at("/capabilityTargets/0/activities/0/kind").asText());
        assertEquals("perceived", ledger.at("/conflictsOfInterest/0/nature").asText());
        assertEquals("beforeAward", ledger.at("/conflictsOfInterest/0/timing").asText());
        assertEquals("2026-03-18", ledger.at("/decisions/0/decidedOn").asText());
        assertEquals(List.of("cost-1", "cost-2", "cost-3", "cost-4"), texts(ledger.get("costLines"), "id"));
        assertFalse(ledger.has("source"), "the source event describes one release and is omitted when merging");
    }

    @Test
    void theTroubledEngagementsRedFlagsAreVisibleInTheExtension() {
        List<ObjectNode> releases = export.releases(OcdsScenarios.troubled());
        JsonNode compiled = OcdsMerge.compile(releases);
        JsonNode ledger = compiled.get(OcdsExtension.FIELD);

        assertTrue(compiled.at("/planning/rationale").asText().contains("Statutory deadline; no staff available"));
        assertTrue(ledger.at("/commissioning/coreWork").asBoolean());
        assertEquals(new BigDecimal("0.00"), ledger.at("/commissioning/inHouseAlternative/estimatedCost/amount").decimalValue());
        assertTrue(ledger.at("/requirements/0/versions/0/lacksAcceptanceCriteria").asBoolean());
        assertEquals(List.of("consultant", "consultant", "agencyUnit"), texts(ledger.get("requirements"), "statedBy"));
        assertFalse(ledger.at("/invoices/0/backedByAcceptedDeliverable").asBoolean());
        assertEquals("discoveredLater", ledger.at("/conflictsOfInterest/0/timing").asText());
        assertEquals("conflictOfInterest", compiled.at("/contracts/0/documents/0/documentType").asText());
        assertEquals("open", ledger.at("/feedback/0/status").asText());
        assertFalse(ledger.at("/closure/capabilityAchieved/0/met").asBoolean());
        assertEquals(new BigDecimal("30.00"), ledger.at("/ceilingAmendments/0/percentOfOriginalCeiling").decimalValue());
    }

    @Test
    void actorsCanBeLeftOutOfAPublicRelease() {
        OcdsExport anonymous = new OcdsExport(OcdsOptions.defaults().withActors(false));

        String json = OcdsExport.toJson(anonymous.releasePackage(OcdsScenarios.realistic()));

        assertFalse(json.contains("procurement-lead") || json.contains("employment-caseworker") || json.contains("lead-consultant"));
        assertTrue(OcdsSchemas.releasePackage(OcdsExport.read(json)).isEmpty());
    }

    // ---- compiled release and money --------------------------------------------------------------------------------

    @Test
    void theCompiledReleaseReflectsTheLatestCeilingAndStatusAsTheAuditsFoldDoes() {
        EngagementHistory history = OcdsScenarios.realistic();
        JsonNode compiled = export.recordPackage(history).at("/records/0/compiledRelease");
        EngagementState state = history.state();

        assertEquals(List.of("compiled"), texts(compiled.get("tag")));
        assertEquals(OCID + "-2026-07-01T09:00:00Z", compiled.get("id").asText());
        assertEquals(state.ceiling().current().amount(), compiled.at("/contracts/0/value/amount").decimalValue());
        assertEquals(new BigDecimal("110000.00"), compiled.at("/contracts/0/value/amount").decimalValue());
        assertEquals(new BigDecimal("100000.00"), compiled.at("/awards/0/value/amount").decimalValue(), "the award keeps its value");
        assertEquals("terminated", compiled.at("/contracts/0/status").asText());
        assertEquals(EngagementStatus.COMPLETED, state.status());
        assertEquals("completed", compiled.at("/engagementLedger/status").asText());
        assertEquals(state.cost().committed().amount(), compiled.at("/engagementLedger/committedCost/amount").decimalValue());
        assertEquals(1, compiled.at("/contracts/0/amendments").size());
        assertEquals(List.of("buyer", "payer"), texts(compiled.at("/parties/0/roles")));
    }

    @Test
    void aCutHistoryExportsTheProcessAsItStoodThen() {
        EngagementHistory history = OcdsScenarios.realistic();

        JsonNode before = export.recordPackage(history.upToSequence(17)).at("/records/0/compiledRelease");
        JsonNode after = export.recordPackage(history.upToSequence(18)).at("/records/0/compiledRelease");

        assertEquals(new BigDecimal("100000.00"), before.at("/contracts/0/value/amount").decimalValue());
        assertEquals("active", before.at("/contracts/0/status").asText());
        assertEquals(new BigDecimal("110000.00"), after.at("/contracts/0/value/amount").decimalValue());
        assertEquals(18, export.releases(history.upToSequence(17)).size());
    }

    @Test
    void amountsAreWrittenAsExactDecimalNumbers() {
        String json = OcdsExport.toJson(export.recordPackage(OcdsScenarios.realistic()));

        assertTrue(json.contains("\"amount\" : 110000.00,"), "amounts keep the currency's scale as JSON numbers");
        assertTrue(json.contains("\"amount\" : 1125.00,"));
        assertFalse(json.contains("\"amount\" : \""), "no amount is a string");
        assertFalse(json.matches("(?s).*\"amount\" : [0-9.]+E.*"), "no exponent notation");
        JsonNode read = OcdsExport.read(json);
        assertTrue(read.at("/records/0/compiledRelease/contracts/0/value/amount").isBigDecimal());
    }

    @Test
    void thePackagesCarryTheirMetadata() {
        ObjectNode releases = export.releasePackage(OcdsScenarios.realistic());
        ObjectNode records = export.recordPackage(OcdsScenarios.realistic());

        assertEquals("urn:engagement-ledger:ocds:" + OCID + ":release-package", releases.get("uri").asText());
        assertEquals("1.1", releases.get("version").asText());
        assertEquals("2026-07-01T09:00:00Z", releases.get("publishedDate").asText(), "the date of the latest release");
        assertEquals("Municipality of Northvale", releases.at("/publisher/name").asText());
        assertEquals(29, releases.get("releases").size());
        assertEquals(OCID, records.at("/records/0/ocid").asText());
        assertEquals(releases.get("uri"), records.at("/packages/0"));
        assertEquals(29, records.at("/records/0/releases").size());
        assertEquals(OcdsFormat.RECORD_PACKAGE, OcdsFormat.fromCliName("ocds-record"));
        assertThrows(IllegalArgumentException.class, () -> OcdsFormat.fromCliName("ocds"));
    }

    @Test
    void aRequirementStatedBeforeTheAwardIsAPlanningUpdateAndAfterItAContractUpdate() {
        EngagementId id = EngagementId.of("ENG-2026-096");
        RequirementAdded before = new RequirementAdded(id, RequirementId.of("R-1"), "Outcome", List.of(), "Review", StatedBy.RIGHTS_HOLDER, true);
        RequirementAdded after = new RequirementAdded(id, RequirementId.of("R-2"), "Outcome", List.of("Done"), "Review", StatedBy.AGENCY_UNIT, false);

        List<ObjectNode> releases = export.releases(new OcdsScenarios.History()
                .add("2026-01-05T09:00:00Z", BUYER_OFFICIAL, OcdsScenarios.commissioned(id, null))
                .add("2026-01-06T09:00:00Z", AGENCY_STAFF, before)
                .add("2026-01-10T09:00:00Z", BUYER_OFFICIAL, new EngagementActivated(id, LocalDate.parse("2026-01-10")))
                .add("2026-01-11T09:00:00Z", AGENCY_STAFF, after)
                .build());

        assertEquals(List.of("planning", "planningUpdate", "award contract", "contractUpdate"), tags(releases));
        assertEquals("rightsHolder", releases.get(1).at("/engagementLedger/requirements/0/statedBy").asText());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static List<String> tags(List<ObjectNode> releases) {
        return releases.stream().map(r -> String.join(" ", texts(r.get("tag")))).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }
}
