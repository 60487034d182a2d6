package org.engagementledger.sample.bench;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.CostLineId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.TimeLogged;
import org.engagementledger.engagement.ActorMetaData;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gives engagements long histories quickly, for the load and replay measures: commissions and
 * activates an engagement through commands, then appends {@link TimeLogged} events straight to the
 * ledger's (chained) storage engine in batches of {@value #BATCH} per transaction. The events are the
 * ones a {@code LogTime} command would produce, hash chain included, so every later read, snapshot and
 * verification treats them as any other; only the command handling is skipped, to save time.
 *
 * <p>The writer's ledger caches the engagement at sequence 1; close it before other ledgers use the
 * engagement.
 */
final class HistoryWriter {

    static final int BATCH = 1_000;
    private static final BigDecimal HOURS = new BigDecimal("7.50");
    private static final Money RATE = Money.of("120.00", "EUR");
    private static final Money AMOUNT = Money.of("900.00", "EUR");

    private final EngagementLedger ledger;

    HistoryWriter(EngagementLedger ledger) {
        this.ledger = ledger;
    }

    /** Commissions and activates {@code id} (events 0 and 1), then appends time entries up to {@code events} events in all. */
    void write(EngagementId id, long events) {
        Money ceiling = new Money(AMOUNT.amount().multiply(BigDecimal.valueOf(events + 1)), AMOUNT.currency());
        ledger.send(LedgerAppends.commission(id, ceiling), LedgerAppends.BUYER_OFFICIAL);
        ledger.send(new ActivateEngagement(id, LedgerAppends.SIGNED), LedgerAppends.BUYER_OFFICIAL);
        Configuration axon = ledger.axonConfiguration();
        EventStorageEngine engine = axon.getComponent(EventStorageEngine.class);
        TransactionManager transactions = axon.getComponent(TransactionManager.class);
        MetaData actor = ActorMetaData.of(LedgerAppends.CONSULTANT);
        for (long from = 2; from < events; from += BATCH) {
            long to = Math.min(events, from + BATCH);
            List<DomainEventMessage<?>> batch = new ArrayList<>((int) (to - from));
            for (long sequence = from; sequence < to; sequence++) {
                batch.add(new GenericDomainEventMessage<>("Engagement", id.value(), sequence, timeLogged(id, sequence), actor));
            }
            transactions.executeInTransaction(() -> engine.appendEvents(batch));
        }
    }

    private static TimeLogged timeLogged(EngagementId id, long sequence) {
        return new TimeLogged(id, CostLineId.of(String.format(Locale.ROOT, "%s-T%07d", id.value(), sequence)), "Senior consultant A",
                "Data scientist", LedgerAppends.SIGNED.plusDays(sequence % 300), HOURS, RATE, AMOUNT, CostCategory.DELIVERY, null,
                "Matching model design");
    }

    /** The size of a written store: {@code events} spread evenly over {@code engagements}, at least 3 per engagement. */
    record StoreShape(long events, int engagements) {
        StoreShape {
            if (engagements < 1 || events < 3L * engagements) {
                throw new IllegalArgumentException("a store needs at least one engagement and 3 events per engagement, got " + events
                        + " events over " + engagements + " engagements");
            }
        }

        /** "100,000 events over 100 engagements", for progress lines and reports. */
        String describe() {
            return String.format(Locale.ROOT, "%,d events over %d engagements", events, engagements);
        }
    }

    /** Writes a store of that shape on a ledger without read models, engagements named {@code PREFIX-000001}...; the seconds it took. */
    static double writeStore(DataSource dataSource, String prefix, StoreShape shape) {
        long started = System.nanoTime();
        try (EngagementLedger writer = EngagementLedger.builder().dataSource(dataSource).readModels(false).build()) {
            HistoryWriter history = new HistoryWriter(writer);
            for (int e = 0; e < shape.engagements(); e++) {
                history.write(EngagementId.of(String.format(Locale.ROOT, "%s-%06d", prefix, e + 1)),
                        shape.events() / shape.engagements() + (e < shape.events() % shape.engagements() ? 1 : 0));
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
