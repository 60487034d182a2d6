package org.engagementledger.sample.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.Actor;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.Period;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.CommissionEngagement;
import org.engagementledger.api.engagement.ConsultantReason;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.InHouseAlternative;
import org.engagementledger.api.engagement.LogTime;
import org.engagementledger.api.engagement.TimeLogged;
import org.engagementledger.config.LedgerSettings;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ledger side of the append benchmark: an {@link EngagementLedger} on the benchmark's data source,
 * with {@code engagements} engagements commissioned and activated up front (ceiling sized for every
 * time entry the run will log), then one {@link LogTime} command per append, round-robin across the
 * engagements, sent by the supplier's consultant. Each command is its own unit of work and transaction.
 */
final class LedgerAppends implements AppendTarget, AutoCloseable {

    static final String EVENT_TYPE = TimeLogged.class.getName();

    static final Party BUYER = Party.of("municipality-northvale", "Municipality of Northvale");
    static final Party SUPPLIER = Party.of("brightpath-consulting", "BrightPath Consulting");
    static final Actor BUYER_OFFICIAL = Actor.of("procurement-lead", Role.AGENCY_BUYER, BUYER.id());
    static final Actor CONSULTANT = Actor.of("lead-consultant", Role.CONSULTANT, SUPPLIER.id());
    static final Period PERIOD = Period.of("2026-01-01", "2026-12-31");
    static final LocalDate SIGNED = LocalDate.parse("2026-01-15");

    /** 7.50 h at 120.00 EUR: every time entry commits 900.00 EUR. */
    private static final BigDecimal HOURS = new BigDecimal("7.50");
    private static final Money RATE = Money.of("120.00", "EUR");
    private static final BigDecimal COST_PER_ENTRY = new BigDecimal("900.00");
    private static final String[] PEOPLE = {"Senior consultant A", "Consultant B", "Consultant C", "Senior consultant D"};
    private static final String[] ROLES = {"Data scientist", "Service designer", "Data engineer", "Delivery lead"};
    private static final String[] WORK = {"Matching model design", "Workshop with caseworkers on ranking explanations",
            "Data pipeline review", "Handover session with the agency's analysts"};

    private final EngagementLedger ledger;
    private final EngagementId[] engagements;

    /**
     * Builds the ledger (migrating the schema) and commissions and activates the engagements.
     *
     * @param totalAppends every append the run will make, warm-up included: sizes the ceiling
     */
    LedgerAppends(DataSource dataSource, LedgerSettings settings, int engagements, long totalAppends) {
        this.ledger = EngagementLedger.jdbc(dataSource, settings);
        this.engagements = new EngagementId[engagements];
        long perEngagement = (totalAppends + engagements - 1) / engagements;
        Money ceiling = new Money(COST_PER_ENTRY.multiply(BigDecimal.valueOf(perEngagement + 1)), RATE.currency());
        for (int e = 0; e < engagements; e++) {
            EngagementId id = engagementId(e);
            this.engagements[e] = id;
            ledger.send(commission(id, ceiling), BUYER_OFFICIAL);
            ledger.send(new ActivateEngagement(id, SIGNED), BUYER_OFFICIAL);
        }
    }

    /** The id of the {@code e}-th engagement (from 0). */
    static EngagementId engagementId(int e) {
        return EngagementId.of(String.format(Locale.ROOT, "BENCH-2026-%05d", e + 1));
    }

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public void append(long index) {
        ledger.send(logTime(index), CONSULTANT);
    }

    /** The ledger, e.g. to see which event processors run next to the benchmark. */
    EngagementLedger ledger() {
        return ledger;
    }

    /** Names of the event processors (read models) running inside the ledger. */
    List<String> eventProcessors() {
        EventProcessingConfiguration processing = ledger.axonConfiguration().eventProcessingConfiguration();
        if (processing == null) {
            return List.of(); // Axon only registers event processing when something asks for a processor
        }
        return processing.eventProcessors().entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().getClass().getSimpleName() + (e.getValue().isRunning() ? ", running" : ", stopped") + ")")
                .toList();
    }

    /** Shuts every event processor down, so that only the write path is measured. */
    void stopEventProcessors() {
        EventProcessingConfiguration processing = ledger.axonConfiguration().eventProcessingConfiguration();
        if (processing != null) {
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        }
    }

    /**
     * Waits until every running streaming event processor has handled every event stored so far, so
     * that read-model work left over from the ledger's slice does not run during the baseline's.
     *
     * @return how long it waited
     * @throws IllegalStateException when a processor reports an error or has not caught up within {@code timeout}
     */
    Duration awaitEventProcessors(Duration timeout) throws InterruptedException {
        EventProcessingConfiguration processing = ledger.axonConfiguration().eventProcessingConfiguration();
        long started = System.nanoTime();
        if (processing == null) {
            return Duration.ZERO;
        }
        List<StreamingEventProcessor> streaming = processing.eventProcessors().values().stream()
                .filter(EventProcessor::isRunning)
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        if (streaming.isEmpty()) {
            return Duration.ZERO;
        }
        long head = ledger.axonConfiguration().eventStore().createHeadToken().position().orElse(-1);
        long deadline = started + timeout.toNanos();
        while (!streaming.stream().allMatch(processor -> caughtUp(processor, head))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("event processors did not reach global index " + head + " within " + timeout
                        + ": " + streaming.stream().map(p -> p.getName() + " " + p.processingStatus()).toList());
            }
            Thread.sleep(1);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                throw new IllegalStateException("event processor " + processor.getName() + " failed on segment "
                        + segment.getSegment().getSegmentId(), segment.getError());
            }
        }
        return !status.isEmpty() && status.values().stream().allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head);
    }

    @Override
    public void close() {
        ledger.close();
    }

    private LogTime logTime(long index) {
        EngagementId engagement = engagements[(int) (index % engagements.length)];
        int variant = (int) ((index / engagements.length) % PEOPLE.length);
        LocalDate day = SIGNED.plusDays((index / engagements.length) % 300);
        return new LogTime(engagement, PEOPLE[variant], ROLES[variant], day, HOURS, RATE, CostCategory.DELIVERY, null, WORK[variant]);
    }

    static CommissionEngagement commission(EngagementId id, Money ceiling) {
        return new CommissionEngagement(id, BUYER, "Employment Services", SUPPLIER,
                "Redesign youth job matching", "Young unemployed people wait months for a first match",
                "Half of young job seekers matched within six weeks", ConsultantReason.SPECIALISED_SKILLS, false, null,
                new InHouseAlternative("Second two analysts from the statistics unit for a year", Money.of("140000.00", "EUR")),
                List.of("Young unemployed people aged 16-24"), ceiling, PERIOD, null);
    }
}
