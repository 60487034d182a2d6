package org.engagementledger;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.CommissionEngagement;
import org.engagementledger.api.engagement.DefineCapabilityTarget;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.RedFlag;
import org.engagementledger.audit.RedFlagCode;
import org.engagementledger.audit.VerificationStatus;
import org.engagementledger.storage.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit as hosts reach it through the facade, with the buyer's other engagements from the read models. */
class EngagementLedgerAuditTest {

    private static final EngagementId SECOND = EngagementId.of("ENG-2027-004");

    @Test
    void theSameSupplierEngagedAgainForTheSameCapabilityIsFlaggedOnTheLaterEngagement() {
        try (HikariDataSource dataSource = TestDatabases.h2(); EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            record(ledger, ENGAGEMENT);
            record(ledger, SECOND);
            ledger.awaitReadModels(Duration.ofSeconds(30));

            EngagementAudit audit = ledger.audit(SECOND, VerificationStatus.notVerified("not run in this test"));

            assertTrue(audit.redFlags().stream().map(RedFlag::code).anyMatch(RedFlagCode.REPEAT_ENGAGEMENT::equals), audit.redFlags().toString());
            assertEquals(12, audit.answers().size());
        }
    }

    @Test
    void pointInTimeStateAndTimelineComeFromTheStoredEvents() {
        try (EngagementLedger ledger = EngagementLedger.inMemory()) {
            record(ledger, ENGAGEMENT);
            Instant afterActivation = ledger.history(ENGAGEMENT).get(1).timestamp();

            assertEquals(3, ledger.timeline(ENGAGEMENT).entries().size());
            assertEquals(org.engagementledger.api.engagement.EngagementStatus.ACTIVE, ledger.stateAsOf(ENGAGEMENT, afterActivation).status());
            assertEquals(org.engagementledger.api.engagement.EngagementStatus.COMMISSIONED, ledger.stateAfterSequence(ENGAGEMENT, 0).status());
        }
    }

    private static void record(EngagementLedger ledger, EngagementId id) {
        CommissionEngagement c = commission();
        ledger.send(new CommissionEngagement(id, c.buyer(), c.buyerUnit(), c.supplier(), c.title(), c.problem(), c.intendedOutcome(),
                c.reason(), c.coreWork(), c.coreWorkJustification(), c.inHouseAlternative(), c.rightsHolderGroups(), c.ceiling(),
                c.period(), null), BUYER_OFFICIAL);
        ledger.send(new ActivateEngagement(id, SIGNED), BUYER_OFFICIAL);
        ledger.send(new DefineCapabilityTarget(id, CapabilityTargetId.of("CAP-MATCHING"), "Matching-model maintenance",
                "Employment analytics team", 1, 4), AGENCY_STAFF);
    }
}
