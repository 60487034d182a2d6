package org.engagementledger;

import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.LogTime;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shape validation through the ledger's own command bus, as hosts use it (not only in fixtures). */
class EngagementLedgerValidationTest {

    @Test
    void aMalformedCommandIsRefusedNamingEachFieldAndRuleAndNothingIsStored() {
        try (EngagementLedger ledger = EngagementLedger.inMemory()) {
            ledger.send(commission(), BUYER_OFFICIAL);
            ledger.send(new ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);

            LogTime malformed = new LogTime(ENGAGEMENT, " ", "Data scientist", SIGNED, new BigDecimal("24.5"),
                    eur("100.00"), CostCategory.DELIVERY, null, null);
            JSR303ViolationException refused = assertThrows(JSR303ViolationException.class, () -> ledger.send(malformed, CONSULTANT));

            assertEquals(2, refused.getViolations().size(), refused.getMessage());
            assertTrue(refused.getMessage().contains("person"), refused.getMessage());
            assertTrue(refused.getMessage().contains("must not be blank"), refused.getMessage());
            assertTrue(refused.getMessage().contains("hours"), refused.getMessage());
            assertTrue(refused.getMessage().contains("must be less than or equal to 24"), refused.getMessage());
            assertEquals(2, ledger.history(ENGAGEMENT).size(), "nothing may be stored");
        }
    }
}
