package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.engagementledger.api.Actor;
import org.engagementledger.api.CostLineId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.ExpenseRecorded;
import org.engagementledger.api.engagement.TimeLogged;
import org.engagementledger.api.query.CostLineKind;
import org.engagementledger.engagement.ActorMetaData;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Projects every time entry and expense into {@code rm_cost_line}, one row per event.
 *
 * <p>Replay-safe: a line is keyed by its event's position in the engagement and written once, however
 * often its event is delivered. Running totals are not stored: {@link CostLedgerQueries} sums them
 * when it reads the lines in order, so writing a line never looks at the lines before it.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public final class CostLineProjection {

    /** The columns a time entry and an expense share; the person, role, hours and rate of an expense are null. */
    private record Line(EngagementId engagementId, CostLineId costLineId, CostLineKind kind, LocalDate date, String person,
                        String personRole, BigDecimal hours, Money hourlyRate, String description, CostCategory category,
                        RequirementId requirementId, Money amount) {
    }

    /**
     * One statement, so that projecting a cost event is one round trip: the row is written only if its key
     * is new. Every parameter is cast, so that PostgreSQL knows a null's type in a {@code SELECT} list: strings
     * to unbounded {@code VARCHAR} (a bounded cast would cut an over-long value that the column must refuse),
     * numbers to their columns' own types (so that they round as the columns do).
     */
    private static final String INSERT_LINE = "INSERT INTO rm_cost_line (engagement_id, sequence_number, cost_line_id, kind,"
            + " line_date, person, person_role, hours, hourly_rate, description, category, requirement_id, currency, amount,"
            + " actor_id, actor_role, actor_organisation, recorded_at)"
            + " SELECT CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS DATE),"
            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS NUMERIC(6, 2)), CAST(? AS NUMERIC(19, 4)),"
            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS NUMERIC(19, 4)),"
            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE)"
            + " WHERE NOT EXISTS (SELECT 1 FROM rm_cost_line existing WHERE existing.engagement_id = ?"
            + " AND existing.sequence_number = ?)";

    private final ReadModelJdbc jdbc;

    public CostLineProjection(ConnectionProvider connections) {
        this.jdbc = new ReadModelJdbc(connections);
    }

    @EventHandler
    public void on(TimeLogged event, @SequenceNumber long sequence, @Timestamp Instant at, MetaData metaData) {
        write(new Line(event.engagementId(), event.costLineId(), CostLineKind.TIME, event.date(), event.person(),
                event.personRole(), event.hours(), event.hourlyRate(), event.description(), event.category(),
                event.requirementId(), event.amount()), sequence, ActorMetaData.from(metaData), at);
    }

    @EventHandler
    public void on(ExpenseRecorded event, @SequenceNumber long sequence, @Timestamp Instant at, MetaData metaData) {
        write(new Line(event.engagementId(), event.costLineId(), CostLineKind.EXPENSE, event.date(), null, null, null, null,
                event.description(), event.category(), null, event.amount()), sequence, ActorMetaData.from(metaData), at);
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM rm_cost_line");
    }

    private void write(Line line, long sequence, Actor actor, Instant at) {
        jdbc.update(INSERT_LINE,
                line.engagementId(), sequence, line.costLineId(), line.kind(), line.date(), line.person(), line.personRole(),
                line.hours(), line.hourlyRate() == null ? null : line.hourlyRate().amount(), line.description(), line.category(),
                line.requirementId(), line.amount().currency(), line.amount().amount(), actor.id(), actor.role(),
                actor.organisation(), at,
                line.engagementId(), sequence);
    }
}
