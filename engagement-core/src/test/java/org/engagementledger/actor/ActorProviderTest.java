package org.engagementledger.actor;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.Actor;
import org.engagementledger.engagement.MissingActorException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActorProviderTest {

    private static final ThreadLocal<Actor> SIGNED_IN = new ThreadLocal<>();

    @Test
    void theHostsActorProviderNamesTheActorOfEveryCommandSentWithoutOne() {
        try (EngagementLedger ledger = EngagementLedger.builder().actorProvider(() -> Optional.ofNullable(SIGNED_IN.get())).build()) {
            SIGNED_IN.set(BUYER_OFFICIAL);
            ledger.send(commission());
            ledger.send(new org.engagementledger.api.engagement.ActivateEngagement(ENGAGEMENT, SIGNED));
            SIGNED_IN.set(CONSULTANT);
            ledger.send(logTime("2", "100.00"));

            var history = ledger.history(ENGAGEMENT);
            assertEquals(BUYER_OFFICIAL, history.get(0).actor());
            assertEquals(BUYER_OFFICIAL, history.get(1).actor());
            assertEquals(CONSULTANT, history.get(2).actor());
        } finally {
            SIGNED_IN.remove();
        }
    }

    @Test
    void anActorGivenWithTheCommandWinsOverTheProvider() {
        try (EngagementLedger ledger = EngagementLedger.builder().actorProvider(() -> Optional.of(AUDITOR)).build()) {
            ledger.send(commission(), BUYER_OFFICIAL);
            assertEquals(BUYER_OFFICIAL, ledger.history(ENGAGEMENT).get(0).actor());
        }
    }

    @Test
    void aCommandWithoutActorIsRefusedWhenTheProviderKnowsNobody() {
        try (EngagementLedger ledger = EngagementLedger.inMemory()) {
            MissingActorException refused = assertThrows(MissingActorException.class, () -> ledger.send(commission()));
            assertEquals("actor-required", refused.rule());
            assertEquals(0, ledger.history(ENGAGEMENT).size());
        }
    }
}
