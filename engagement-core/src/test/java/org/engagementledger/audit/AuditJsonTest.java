package org.engagementledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagementledger.storage.LedgerJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.engagementledger.audit.AuditScenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audits, states and timelines serialize with the ledger's mapper, in the ledger's JSON conventions (as the CLI prints them). */
class AuditJsonTest {

    private final ObjectMapper mapper = LedgerJson.newObjectMapper();

    @Test
    void aFullAuditSerializesWithTheLedgersMapper() throws Exception {
        EngagementAudit audit = EngagementAudit.of(troubled().history(), AuditInputs.none()
                .withOtherEngagements(List.of(realistic().state()))
                .withVerification(VerificationStatus.findings(1, "LINK_BROKEN at 3", List.of(3L), at("2026-08-01T10:00:00Z"))));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(audit));

        assertEquals("ENG-2026-020", json.get("engagementId").asText());
        assertEquals("municipality-northvale", json.get("buyer").get("id").asText());
        assertEquals("FINDINGS", json.get("verification").get("outcome").asText());
        assertEquals("2026-08-01T10:00:00Z", json.get("verification").get("verifiedAt").asText());
        assertEquals("20", json.get("thresholds").get("amendmentGrowthPercent").asText());
        assertEquals(12, json.get("answers").size());
        JsonNode cost = json.get("answers").get(4);
        assertEquals(5, cost.get("number").asInt());
        assertEquals("COST", cost.get("topic").asText());
        assertEquals("CONCERN", cost.get("verdict").asText());
        assertEquals("7200.00", cost.get("facts").get("committed").get("amount").asText());
        assertEquals("EUR", cost.get("facts").get("committed").get("currency").asText());
        assertEquals("7200.00", cost.get("facts").get("byCategory").get("DELIVERY").get("amount").asText());
        assertTrue(cost.get("facts").get("hoursByCategory").get("DELIVERY").isTextual(), "decimals are strings");
        JsonNode requirements = json.get("answers").get(2).get("facts").get("requirements");
        assertEquals("REQ-A", requirements.get(0).get("requirementId").asText());
        assertTrue(requirements.get(0).get("accepted").isNull());
        assertEquals("CONSULTANT", requirements.get(0).get("recordedBy").get("role").asText());
        assertEquals(12, json.get("redFlags").size());
        assertEquals("AMENDMENT_GROWTH", json.get("redFlags").get(0).get("code").asText());
        assertEquals("HIGH", json.get("redFlags").get(0).get("severity").asText());
        assertEquals(10, json.get("redFlags").get(0).get("sequences").get(0).asLong());
        assertFalse(json.toString().contains("\"positive\""), "helpers such as Money.isPositive() must not leak");
        assertFalse(json.toString().contains("\"lacksCriteria\""), "derived helpers are not part of the JSON form");
    }

    @Test
    void aTimelineSerializesEachEventInItsStoredForm() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(Timeline.of(realistic().messages())));

        JsonNode entry = json.get("entries").get(7);
        assertEquals(7, entry.get("sequence").asLong());
        assertEquals("2026-02-03T17:00:00Z", entry.get("timestamp").asText());
        assertEquals("lead-consultant", entry.get("actor").get("id").asText());
        assertEquals("TimeLogged", entry.get("eventType").asText());
        assertEquals("cost-1", entry.get("data").get("costLineId").asText());
        assertEquals("7.50", entry.get("data").get("hours").asText());
        assertEquals("1125.00", entry.get("data").get("amount").get("amount").asText());
    }

    @Test
    void aPointInTimeStateSerializesWithItsCutAndRedFlags() throws Exception {
        EngagementState state = EngagementState.asOf(troubled().history(), at("2026-03-01T00:00:00Z"));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(state));

        assertEquals("2026-03-01T00:00:00Z", json.get("cut").get("asOf").asText());
        assertEquals(7, json.get("cut").get("lastSequence").asLong());
        assertEquals("ACTIVE", json.get("status").asText());
        assertEquals("2026-01-01", json.get("commissioning").get("period").get("start").asText());
        assertEquals("6000.00", json.get("cost").get("committed").get("amount").asText());
        assertEquals("REGISTERED", json.get("invoices").get(0).get("status").asText());
        assertTrue(json.get("closure").isNull());
        assertEquals(5, json.get("redFlags").size());
    }
}
