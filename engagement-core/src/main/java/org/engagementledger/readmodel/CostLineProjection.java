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
import java.util.List;

/**
 * Projects every time entry and expense into {@code rm_cost_line}, one row per event, with the
 * running total of committed cost.
 *
 * <p>Replay-safe: a line is keyed by its event's position in the engagement and written once. Its
 * running total is the previous line's running total plus its own amount, so it depends only on the
 * lines before it, never on how often an event was delivered.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public final class CostLineProjection {

    /** The columns a time entry and an expense share; the person, role, hours and rate of an expense are null. */
    private record Line(EngagementId engagementId, CostLineId costLineId, CostLineKind kind, LocalDate date, String person,
                        String personRole, BigDecimal hours, Money hourlyRate, String description, CostCategory category,
                        RequirementId requirementId, Money amount) {
    }

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
        if (jdbc.exists("SELECT 1 FROM rm_cost_line WHERE engagement_id = ? AND sequence_number = ?", line.engagementId(), sequence)) {
            return;
        }
        List<BigDecimal> previous = jdbc.query("SELECT running_total FROM rm_cost_line WHERE engagement_id = ?"
                        + " AND sequence_number < ? ORDER BY sequence_number DESC FETCH FIRST 1 ROWS ONLY",
                row -> row.getBigDecimal(1), line.engagementId(), sequence);
        BigDecimal runningTotal = (previous.isEmpty() ? BigDecimal.ZERO : previous.get(0)).add(line.amount().amount());
        jdbc.update("INSERT INTO rm_cost_line (engagement_id, sequence_number, cost_line_id, kind, line_date, person, person_role,"
                        + " hours, hourly_rate, description, category, requirement_id, currency, amount, running_total, actor_id,"
                        + " actor_role, actor_organisation, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                line.engagementId(), sequence, line.costLineId(), line.kind(), line.date(), line.person(), line.personRole(),
                line.hours(), line.hourlyRate() == null ? null : line.hourlyRate().amount(), line.description(), line.category(),
                line.requirementId(), line.amount().currency(), line.amount().amount(), runningTotal,
                actor.id(), actor.role(), actor.organisation(), at);
    }
}
