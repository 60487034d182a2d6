package org.engagementledger.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;
import org.engagementledger.audit.EngagementHistory;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports validated against the official OCDS 1.1.5 release-package and record-package schemas
 * (offline copies, see {@link OcdsSchemas}), as the bytes a consumer reads; and negative controls that
 * prove the validator really runs.
 */
class OcdsSchemaValidationTest {

    private final OcdsExport export = OcdsExport.withDefaults();

    @Test
    void theRealisticEngagementAsAReleasePackageValidatesWithZeroErrors() {
        assertValid(OcdsSchemas.releasePackage(written(export.releasePackage(OcdsScenarios.realistic()))));
    }

    @Test
    void theRealisticEngagementAsARecordPackageValidatesWithZeroErrors() {
        assertValid(OcdsSchemas.recordPackage(written(export.recordPackage(OcdsScenarios.realistic()))));
    }

    @Test
    void theTroubledEngagementAsAReleasePackageValidatesWithZeroErrors() {
        assertValid(OcdsSchemas.releasePackage(written(export.releasePackage(OcdsScenarios.troubled()))));
    }

    @Test
    void theTroubledEngagementAsARecordPackageValidatesWithZeroErrors() {
        assertValid(OcdsSchemas.recordPackage(written(export.recordPackage(OcdsScenarios.troubled()))));
    }

    @Test
    void aRecordPackageWithLinkedReleasesAndFullOptionsValidatesWithZeroErrors() {
        OcdsExport configured = new OcdsExport(OcdsOptions.defaults()
                .withEmbeddedReleases(false)
                .withPackageBaseUri(URI.create("https://data.northvale.example/ocds/"))
                .withExtensionUrl(URI.create("https://data.northvale.example/ocds/engagement-ledger/extension.json"))
                .withPublisherName("Municipality of Northvale, open data office")
                .withPartyIdentifierScheme("XI-EXAMPLE")
                .withActors(false));
        JsonNode pack = written(configured.recordPackage(OcdsScenarios.realistic()));

        assertValid(OcdsSchemas.recordPackage(pack));
        JsonNode first = pack.at("/records/0/releases/0");
        assertEquals("https://data.northvale.example/ocds/ocds-nv0001-ENG-2026-010-release-package.json#ocds-nv0001-ENG-2026-010-0",
                first.get("url").asText());
        assertFalse(first.has("ocid"), "a linked release is a link, not the release");
    }

    @Test
    void everyReleaseAndTheCompiledReleaseFollowTheExtensionsDocumentedStructureExactly() {
        for (EngagementHistory history : new EngagementHistory[] {OcdsScenarios.realistic(), OcdsScenarios.troubled()}) {
            JsonNode pack = written(export.recordPackage(history));
            for (JsonNode release : pack.at("/records/0/releases")) {
                assertValid(OcdsSchemas.releaseWithExtension(release));
            }
            assertValid(OcdsSchemas.releaseWithExtension(pack.at("/records/0/compiledRelease")));
        }
    }

    // ---- negative controls: the validator runs, and runs offline --------------------------------------------

    @Test
    void aReleaseWithATagOutsideTheClosedCodelistFailsValidation() {
        ObjectNode pack = export.releasePackage(OcdsScenarios.realistic());
        ((ArrayNode) pack.at("/releases/0/tag")).removeAll().add("commissioning");

        assertInvalid(OcdsSchemas.releasePackage(pack), "tag");
    }

    @Test
    void aReleaseWithoutAnOcidFailsValidation() {
        ObjectNode pack = export.releasePackage(OcdsScenarios.realistic());
        ((ObjectNode) pack.at("/releases/3")).remove("ocid");

        assertInvalid(OcdsSchemas.releasePackage(pack), "ocid");
    }

    @Test
    void anAmountWrittenAsTextFailsValidation() {
        ObjectNode pack = export.releasePackage(OcdsScenarios.realistic());
        ((ObjectNode) pack.at("/releases/0/planning/budget/amount")).put("amount", "100000.00");

        assertInvalid(OcdsSchemas.releasePackage(pack), "amount");
    }

    @Test
    void aContractStatusOutsideTheClosedCodelistFailsValidation() {
        ObjectNode pack = export.recordPackage(OcdsScenarios.realistic());
        ((ObjectNode) pack.at("/records/0/compiledRelease/contracts/0")).put("status", "completed");

        assertInvalid(OcdsSchemas.recordPackage(pack), "status");
    }

    @Test
    void aDateWithoutTimeAndOffsetFailsValidationSoFormatsAreChecked() {
        ObjectNode pack = export.releasePackage(OcdsScenarios.realistic());
        ((ObjectNode) pack.at("/releases/5/contracts/0")).put("dateSigned", "2026-01-15");

        assertInvalid(OcdsSchemas.releasePackage(pack), "dateSigned");
    }

    @Test
    void aPackageWithoutPublisherFailsValidation() {
        ObjectNode pack = export.recordPackage(OcdsScenarios.troubled());
        pack.remove("publisher");

        assertInvalid(OcdsSchemas.recordPackage(pack), "publisher");
    }

    @Test
    void anExtensionFieldOutsideItsDocumentedStructureFailsTheStrictExtensionSchema() {
        ObjectNode release = export.releases(OcdsScenarios.realistic()).get(0);
        ((ObjectNode) release.at("/engagementLedger/commissioning")).put("consultantReason", "cheaper");
        ((ObjectNode) release.at("/engagementLedger")).put("undocumented", true);

        Set<ValidationMessage> errors = OcdsSchemas.releaseWithExtension(release);
        assertInvalid(errors, "consultantReason");
        assertInvalid(errors, "undocumented");
        assertValid(OcdsSchemas.release(release)); // the core schema allows additional fields
    }

    @Test
    void aSchemaReferenceWithoutALocalMappingFailsInsteadOfBeingDownloaded() {
        String unmapped = "https://standard.open-contracting.org/schema/1__1__4/release-schema.json";

        RuntimeException refused = assertThrows(RuntimeException.class, () -> OcdsSchemas.FACTORY
                .getSchema(SchemaLocation.of(unmapped), OcdsSchemas.CONFIG).validate(OcdsExport.read("{}")));
        assertTrue(String.valueOf(refused.getMessage()).contains("is not allowed to be loaded"), refused::toString);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** The package as a consumer reads it: written to text and parsed back. */
    private static JsonNode written(JsonNode pack) {
        return OcdsExport.read(OcdsExport.toJson(pack));
    }

    private static void assertValid(Set<ValidationMessage> errors) {
        assertTrue(errors.isEmpty(), () -> errors.size() + " schema errors:" + OcdsSchemas.describe(errors));
    }

    private static void assertInvalid(Set<ValidationMessage> errors, String mentioning) {
        assertFalse(errors.isEmpty(), "the broken export passed validation");
        assertTrue(errors.stream().anyMatch(e -> e.toString().contains(mentioning)),
                () -> "no error mentions '" + mentioning + "':" + OcdsSchemas.describe(errors));
    }
}
