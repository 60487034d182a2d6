package org.engagementledger.readmodel;

import org.engagementledger.EngagementLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class InMemoryLedgerReadModelsTest {

    @Test
    void theInMemoryLedgerRefusesReadModelCallsAndSaysThatTheyNeedADatabase() {
        try (EngagementLedger ledger = EngagementLedger.inMemory()) {
            ledger.send(commission(), BUYER_OFFICIAL);
            List<Executable> calls = List.of(() -> ledger.summary(ENGAGEMENT), ledger::summaries,
                    () -> ledger.requirementTrace(ENGAGEMENT), () -> ledger.costLedger(ENGAGEMENT),
                    () -> ledger.portfolio(BUYER.id()), () -> ledger.awaitReadModels(Duration.ofSeconds(1)),
                    ledger::rebuildReadModels);
            for (Executable call : calls) {
                IllegalStateException refused = assertThrows(IllegalStateException.class, call);
                assertTrue(refused.getMessage().startsWith("read models need a database"), refused.getMessage());
                assertTrue(refused.getMessage().contains("EngagementLedger.jdbc(dataSource)"), refused.getMessage());
            }
        }
    }
}
