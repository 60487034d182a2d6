package org.engagementledger.reliability;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.ConcurrencyException;
import org.engagementledger.EngagementLedger;
import org.engagementledger.EngagementLedger.RecordedEvent;
import org.engagementledger.api.Actor;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.AddRequirement;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.EngagementCommand;
import org.engagementledger.api.engagement.LogTime;
import org.engagementledger.api.engagement.RequirementAdded;
import org.engagementledger.api.engagement.StatedBy;
import org.engagementledger.api.engagement.TimeLogged;
import org.engagementledger.engagement.CeilingExceededException;
import org.engagementledger.engagement.CommandRefusedException;
import org.engagementledger.engagement.RuleViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.engagementledger.reliability.Reliability.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Sixteen threads on four ledger nodes (four {@link EngagementLedger}s on one database, each with its own
 * aggregate cache, as four application instances would be) send conflicting commands to one engagement.
 * Run on H2 and on PostgreSQL by the subclasses.
 *
 * <p>Within one node Axon serialises the commands of an engagement; across nodes only the store's unique
 * key on (engagement, sequence) does. A test interceptor holds one command of each node after it was
 * decided and before it is stored, until all four have been decided: they all decided on the same head,
 * so at least three lose, deterministically, whatever the scheduling. Every loser must get Axon's
 * {@link ConcurrencyException} with a clear message, be retried, and succeed or be refused by a rule
 * that the winner's event made true. Afterwards the history must hold exactly the acknowledged commands,
 * each once, at gapless sequence numbers, and the hash chain must verify.
 */
abstract class ConcurrencyContract {

    static final int THREADS = 16;
    static final int NODES = 4;
    static final int MAX_ATTEMPTS = 1_000;

    protected HikariDataSource dataSource;
    private final List<EngagementLedger> nodes = new ArrayList<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private CyclicBarrier allDecided;
    private CountDownLatch heldDecided;

    protected abstract HikariDataSource newDataSource();

    protected abstract void release(HikariDataSource dataSource);

    @BeforeEach
    void startFourNodesOnOneActiveEngagement() {
        dataSource = newDataSource();
        heldDecided = new CountDownLatch(1);
        allDecided = new CyclicBarrier(NODES, heldDecided::countDown);
        for (int i = 0; i < NODES; i++) {
            EngagementLedger node = EngagementLedger.builder().dataSource(dataSource).readModels(false).build();
            registerHoldingInterceptor(node);
            nodes.add(node);
        }
        nodes.get(0).send(commission(), BUYER_OFFICIAL);
        nodes.get(0).send(new ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);
        nodes.forEach(node -> assertEquals(2, node.history(ENGAGEMENT).size()));
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(EngagementLedger::close);
        release(dataSource);
    }

    /**
     * Every thread logs its own time entries; none conflicts in business terms, so every command must
     * end up stored exactly once, however often it lost a race first.
     */
    @Test
    void racingWritersLoseOnlyWithARetryableConcurrencyErrorAndEveryRetrySucceeds() {
        int each = scaled(8, 60);
        Outcome outcome = race((thread, i) -> timeEntry(thread, i, "1", "10.00"), each, CONSULTANT);

        assertEquals(List.of(), outcome.refused, "no command may be refused");
        assertEquals(THREADS * each, outcome.acknowledged.size());
        assertConflictsWereClear(outcome);
        List<RecordedEvent> history = nodes.get(0).history(ENGAGEMENT);
        assertGapless(history);
        assertEquals(2 + outcome.acknowledged.size(), history.size());
        assertEquals(sorted(outcome.acknowledged), sorted(timeEntries(history)), "every acknowledged command stored exactly once");
        assertCostLinesAreNumberedOnce(history);
        assertChainVerifies(dataSource, history.size());
    }

    /**
     * The ceiling fits exactly 40 time entries and the threads try 80: exactly 40 are stored and the
     * other 40 are refused as ceiling-exceeded. A lost update (a node deciding on a stale committed cost)
     * would let more through.
     */
    @Test
    void racingWritersNeverTakeCommittedCostAboveTheCeiling() {
        // 1 hour at 2,500.00 EUR: forty fit in the 100,000.00 EUR ceiling
        Outcome outcome = race((thread, i) -> timeEntry(thread, i, "1", "2500.00"), 5, CONSULTANT);

        assertEquals(40, outcome.acknowledged.size(), outcome::toString);
        assertEquals(40, outcome.refused.size(), outcome::toString);
        outcome.refused.forEach(refusal -> {
            CeilingExceededException ceiling = assertInstanceOf(CeilingExceededException.class, refusal);
            assertEquals(CEILING, ceiling.ceiling());
            assertEquals(CEILING, ceiling.committed(), "refused only once the ceiling was reached");
        });
        assertConflictsWereClear(outcome);
        List<RecordedEvent> history = nodes.get(0).history(ENGAGEMENT);
        assertGapless(history);
        assertEquals(sorted(outcome.acknowledged), sorted(timeEntries(history)));
        assertCostLinesAreNumberedOnce(history);
        assertChainVerifies(dataSource, 42);
    }

    /** Sixteen agency staff add the same requirement id at once: it is stored once and fifteen are refused as duplicates. */
    @Test
    void racingWritersAddingTheSameRequirementStoreItOnce() {
        Outcome outcome = race((thread, i) -> new AddRequirement(ENGAGEMENT, RequirementId.of("REQ-RACE"),
                "Outcome stated by thread " + thread, List.of("Criterion"), "Review", StatedBy.AGENCY_UNIT), 1, AGENCY_STAFF);

        assertEquals(1, outcome.acknowledged.size(), outcome::toString);
        assertEquals(THREADS - 1, outcome.refused.size(), outcome::toString);
        outcome.refused.forEach(refusal -> assertEquals("duplicate-id",
                assertInstanceOf(RuleViolationException.class, refusal).rule()));
        assertConflictsWereClear(outcome);
        List<RecordedEvent> history = nodes.get(0).history(ENGAGEMENT);
        assertGapless(history);
        assertEquals(1, history.stream().filter(e -> e.event() instanceof RequirementAdded).count());
        assertChainVerifies(dataSource, 3);
    }

    // ---- the race --------------------------------------------------------------------------------------------

    /** What happened to the commands of a race: acknowledged command ids, rule refusals, lost races. */
    record Outcome(List<String> acknowledged, List<CommandRefusedException> refused, List<ConcurrencyException> conflicts,
                   List<Throwable> unexpected) {
        @Override
        public String toString() {
            return acknowledged.size() + " acknowledged, " + refused.size() + " refused, " + conflicts.size()
                    + " lost races, unexpected: " + unexpected;
        }
    }

    /**
     * Thread t (on node t % 4) sends {@code each} commands; a command that loses a race is sent again until
     * it is stored or refused by a rule. The first command of threads 0-3 is held until all four are decided,
     * and the other threads start once they are, so that those four all decide on the same head.
     */
    private Outcome race(BiFunction<Integer, Integer, EngagementCommand> commands, int each, Actor actor) {
        Outcome outcome = new Outcome(Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> threads = IntStream.range(0, THREADS).<Future<?>>mapToObj(t -> pool.submit(() -> {
                EngagementLedger node = nodes.get(t % NODES);
                start.await();
                boolean holder = t < NODES;
                if (!holder) {
                    // the held commands must be the first each node decides
                    assertTrue(heldDecided.await(60, TimeUnit.SECONDS), "the held commands were not all decided");
                }
                for (int i = 0; i < each; i++) {
                    EngagementCommand command = commands.apply(t, i);
                    if (i == 0 && holder) {
                        held.add(commandId(command));
                    }
                    sendUntilDecided(node, command, actor, outcome);
                }
                return null;
            })).toList();
            start.countDown();
            for (Future<?> thread : threads) {
                thread.get(120, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("a racing thread did not finish: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), outcome.unexpected, "only concurrency errors and rule refusals are expected");
        System.out.println(getClass().getSimpleName() + ": " + outcome);
        return outcome;
    }

    private static void sendUntilDecided(EngagementLedger node, EngagementCommand command, Actor actor, Outcome outcome) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                node.send(command, actor);
                outcome.acknowledged.add(commandId(command));
                return;
            } catch (ConcurrencyException lost) {
                outcome.conflicts.add(lost);
            } catch (CommandRefusedException refused) {
                outcome.refused.add(refused);
                return;
            } catch (RuntimeException e) {
                outcome.unexpected.add(e);
                return;
            }
        }
        outcome.unexpected.add(new AssertionError(commandId(command) + " still lost after " + MAX_ATTEMPTS + " attempts"));
    }

    /**
     * Holds each node's first command after the engagement decided it (its event is applied, not yet
     * stored) until the first command of every node is decided. Each holder keeps its node's aggregate
     * lock, so no other write can come in between: all four append at a sequence number no higher than
     * head + 1, and at most one can win.
     */
    private void registerHoldingInterceptor(EngagementLedger node) {
        MessageHandlerInterceptor<CommandMessage<?>> holder = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof EngagementCommand command && held.remove(commandId(command))) {
                allDecided.await(60, TimeUnit.SECONDS);
            }
            return result;
        };
        node.axonConfiguration().commandBus().registerHandlerInterceptor(holder);
    }

    private void assertConflictsWereClear(Outcome outcome) {
        assertTrue(outcome.conflicts.size() >= NODES - 1, "three of the four held commands must have lost: " + outcome);
        for (ConcurrencyException conflict : outcome.conflicts) {
            String message = conflict.getMessage();
            assertTrue(message.contains("An event for aggregate [" + ENGAGEMENT.value() + "] at sequence [")
                    && message.contains("was already inserted"), message);
        }
    }

    private static void assertCostLinesAreNumberedOnce(List<RecordedEvent> history) {
        List<String> costLines = history.stream().filter(e -> e.event() instanceof TimeLogged)
                .map(e -> ((TimeLogged) e.event()).costLineId().value()).toList();
        assertEquals(IntStream.rangeClosed(1, costLines.size()).mapToObj(i -> "cost-" + i).toList(), costLines,
                "cost lines numbered 1..n in order: no entry decided on a stale count");
    }

    private static LogTime timeEntry(int thread, int i, String hours, String rate) {
        return new LogTime(ENGAGEMENT, "Consultant " + thread, "Data scientist", day("2026-02-03"), new BigDecimal(hours), eur(rate),
                CostCategory.DELIVERY, null, "thread-" + thread + "-command-" + i);
    }

    private static String commandId(EngagementCommand command) {
        return command instanceof LogTime logTime ? logTime.description() : command.toString();
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
