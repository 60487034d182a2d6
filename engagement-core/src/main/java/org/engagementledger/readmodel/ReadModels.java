package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ledger's read models as a whole: the projections and query handlers to register, the one
 * processing group they share, and the two operations a host needs on them (wait until caught up,
 * rebuild from the events).
 *
 * <p>All projections run in one streaming processor, {@value #PROCESSING_GROUP}, so that a batch of
 * events updates every table and the processor's token in one transaction. The processor starts at
 * the tail of the event stream: a new database projects the whole history. Every stored row belongs to
 * one engagement and cross-engagement views (the portfolio) are computed at query time, so the
 * processor's stream is split into segments ({@code LedgerSettings.readModelSegments}), projected in
 * parallel: Axon's default sequencing keeps each engagement's events in order within one segment.
 */
public final class ReadModels {

    /** The processing group (and event processor name) of every read-model projection. */
    public static final String PROCESSING_GROUP = "engagement-read-models";
    /** Events per transaction: large batches make replays fast (see axon.md, "Performance"). */
    public static final int BATCH_SIZE = 100;

    private static final long POLL_MILLIS = 10;

    private ReadModels() {
    }

    /** The event handlers that write the read-model tables through {@code connections}. */
    public static List<Object> projections(ConnectionProvider connections) {
        return List.of(new EngagementProjection(connections), new RequirementProjection(connections),
                new CapabilityProjection(connections), new CostLineProjection(connections), new InvoiceProjection(connections),
                new FeedbackProjection(connections));
    }

    /** The query handlers that answer the {@code org.engagementledger.api.query} queries from those tables. */
    public static List<Object> queryHandlers(ConnectionProvider connections) {
        return List.of(new SummaryQueries(connections), new RequirementTraceQueries(connections),
                new CostLedgerQueries(connections), new PortfolioQueries(connections), new FeedbackQueries(connections));
    }

    /**
     * Blocks until {@code processor} has processed every event the store holds now: each of its segments
     * is at or beyond the store's head position and, if its token still records gaps, the store has no
     * event the token has not seen (a gap left by a rolled-back append never fills).
     *
     * @param storageEngine the store's engine, used only for that gap check; may be null (then gaps are ignored)
     * @throws ReadModelTimeoutException when the processor is not there within {@code timeout}
     */
    public static void awaitCaughtUp(StreamingEventProcessor processor, EventStore eventStore, EventStorageEngine storageEngine,
                                     Duration timeout) {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(processor, head, target, storageEngine)) {
            if (System.nanoTime() - deadline >= 0) {
                throw timeout(processor, target, timeout);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadModelTimeoutException("interrupted while waiting for the read models", e);
            }
        }
    }

    /**
     * Rebuilds every read model from the events: stops the processor, resets its tokens (the
     * projections' {@code @ResetHandler}s clear the tables in the same transaction) and starts it
     * again, which replays the whole history. Until the replay is done, queries see partial views.
     * The processor is restarted even when the reset fails (for example because another node holds a
     * segment).
     */
    public static void rebuild(StreamingEventProcessor processor) {
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor, TrackingToken head, long target, EventStorageEngine engine) {
        if (target < 0) {
            return true;
        }
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        if (!coversAllSegments(statuses)) {
            return false;
        }
        for (EventTrackerStatus status : statuses) {
            TrackingToken token = status.getTrackingToken();
            if (status.isErrorState() || token == null || token.position().orElse(-1) < target) {
                return false;
            }
            if (!token.covers(head) && engine != null && hasEventsAfter(engine, token)) {
                return false;
            }
        }
        return true;
    }

    /** True when the statuses between them hold every segment (a segment with mask m is 1/(m+1) of the stream). */
    private static boolean coversAllSegments(Collection<EventTrackerStatus> statuses) {
        double covered = statuses.stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1L)).sum();
        return covered > 1.0 - 1e-9;
    }

    private static boolean hasEventsAfter(EventStorageEngine engine, TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(WrappedToken.unwrapLowerBound(token), false)) {
            return events.findFirst().isPresent();
        }
    }

    private static String describe(EventTrackerStatus status) {
        String position = status.getCurrentPosition().stream().mapToObj(Long::toString).findFirst().orElse("the start");
        String gaps = Optional.ofNullable(status.getTrackingToken())
                .flatMap(token -> WrappedToken.unwrap(token, GapAwareTrackingToken.class))
                .filter(token -> !token.getGaps().isEmpty())
                .map(token -> " with gaps " + token.getGaps()).orElse("");
        return position + gaps + (status.isErrorState() ? " (failing: " + status.getError() + ")" : "");
    }

    private static ReadModelTimeoutException timeout(StreamingEventProcessor processor, long target, Duration timeout) {
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        String segments = statuses.isEmpty() ? "no segment claimed yet" : statuses.entrySet().stream()
                .map(e -> "segment " + e.getKey() + " at " + describe(e.getValue()))
                .collect(Collectors.joining(", "));
        Throwable error = statuses.values().stream().filter(EventTrackerStatus::isErrorState)
                .map(EventTrackerStatus::getError).findFirst().orElse(null);
        return new ReadModelTimeoutException("read models did not catch up within " + timeout + ": processor '"
                + processor.getName() + "' (" + (processor.isRunning() ? "running" : "not running") + ") has " + segments
                + "; the event store's head is at " + target, error);
    }
}
