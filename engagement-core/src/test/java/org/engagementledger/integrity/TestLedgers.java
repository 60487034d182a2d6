package org.engagementledger.integrity;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.engagementledger.api.Actor;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.CommissionEngagement;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.EngagementCommand;
import org.engagementledger.api.engagement.LogTime;
import org.engagementledger.EngagementLedger;
import org.engagementledger.config.LedgerSettings;
import org.engagementledger.engagement.ActorMetaData;

import javax.sql.DataSource;
import java.math.BigDecimal;

import static org.engagementledger.engagement.EngagementFixtures.*;

/**
 * Ledgers for the integrity tests: the production {@code EngagementLedger.Builder} wiring (every engine
 * behind {@link ChainedEventStorageEngine}), read models left out because they play no part here. Shutting
 * the returned configuration down closes the ledger.
 */
final class TestLedgers {

    private TestLedgers() {
    }

    static Configuration jdbc(DataSource dataSource, LedgerSettings settings) {
        return EngagementLedger.builder().dataSource(dataSource).settings(settings).readModels(false).build().axonConfiguration();
    }

    static Configuration inMemory() {
        return EngagementLedger.inMemory().axonConfiguration();
    }

    static ChainedEventStorageEngine engine(Configuration axon) {
        return (ChainedEventStorageEngine) axon.getComponent(EventStorageEngine.class);
    }

    static void send(Configuration axon, EngagementCommand command, Actor actor) {
        axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ActorMetaData.of(actor)));
    }

    /** Commissions and activates an engagement, then logs time {@code timeEntries} times: events 0 to timeEntries + 1. */
    static void record(Configuration axon, EngagementId id, int timeEntries) {
        send(axon, commission(id), BUYER_OFFICIAL);
        send(axon, new ActivateEngagement(id, SIGNED), BUYER_OFFICIAL);
        for (int i = 0; i < timeEntries; i++) {
            logTime(axon, id, "7.5", "120.00");
        }
    }

    static void logTime(Configuration axon, EngagementId id, String hours, String rate) {
        send(axon, new LogTime(id, "Senior consultant A", "Data scientist", day("2026-02-03"), new BigDecimal(hours), eur(rate),
                CostCategory.DELIVERY, null, "Model design"), CONSULTANT);
    }

    static CommissionEngagement commission(EngagementId id) {
        CommissionEngagement c = org.engagementledger.engagement.EngagementFixtures.commission();
        return new CommissionEngagement(id, c.buyer(), c.buyerUnit(), c.supplier(), c.title(), c.problem(), c.intendedOutcome(),
                c.reason(), c.coreWork(), c.coreWorkJustification(), c.inHouseAlternative(), c.rightsHolderGroups(), c.ceiling(),
                c.period(), c.procurementReference());
    }
}
