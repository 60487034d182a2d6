package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.CeilingAmended;
import org.engagementledger.api.engagement.EngagementActivated;
import org.engagementledger.api.engagement.EngagementCommissioned;
import org.engagementledger.api.engagement.EngagementCompleted;
import org.engagementledger.api.engagement.EngagementStatus;
import org.engagementledger.api.engagement.EngagementTerminated;

import java.time.Instant;

/**
 * Projects each engagement's parties, title, status and ceiling into {@code rm_engagement}.
 *
 * <p>Replay-safe: the row is inserted once (by the commissioning event) and only updated by events
 * with a higher sequence number than the last one applied ({@code last_sequence}), so a re-delivered
 * event changes nothing. Committed cost is not stored here: it is the sum of {@code rm_cost_line}.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public final class EngagementProjection {

    private final ReadModelJdbc jdbc;

    public EngagementProjection(ConnectionProvider connections) {
        this.jdbc = new ReadModelJdbc(connections);
    }

    @EventHandler
    public void on(EngagementCommissioned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (jdbc.exists("SELECT 1 FROM rm_engagement WHERE engagement_id = ?", event.engagementId())) {
            return;
        }
        jdbc.update("INSERT INTO rm_engagement (engagement_id, buyer_id, buyer_name, buyer_unit, supplier_id, supplier_name,"
                        + " title, status, currency, ceiling, commissioned_at, last_sequence)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.engagementId(), event.buyer().id(), event.buyer().name(), event.buyerUnit(), event.supplier().id(),
                event.supplier().name(), event.title(), EngagementStatus.COMMISSIONED, event.ceiling().currency(),
                event.ceiling().amount(), at, sequence);
    }

    @EventHandler
    public void on(EngagementActivated event, @SequenceNumber long sequence) {
        status(event.engagementId(), EngagementStatus.ACTIVE, sequence);
    }

    @EventHandler
    public void on(EngagementCompleted event, @SequenceNumber long sequence) {
        status(event.engagementId(), EngagementStatus.COMPLETED, sequence);
    }

    @EventHandler
    public void on(EngagementTerminated event, @SequenceNumber long sequence) {
        status(event.engagementId(), EngagementStatus.TERMINATED, sequence);
    }

    @EventHandler
    public void on(CeilingAmended event, @SequenceNumber long sequence) {
        jdbc.update("UPDATE rm_engagement SET ceiling = ?, last_sequence = ? WHERE engagement_id = ? AND last_sequence < ?",
                event.newCeiling().amount(), sequence, event.engagementId(), sequence);
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM rm_engagement");
    }

    private void status(EngagementId engagementId, EngagementStatus status, long sequence) {
        jdbc.update("UPDATE rm_engagement SET status = ?, last_sequence = ? WHERE engagement_id = ? AND last_sequence < ?",
                status, sequence, engagementId, sequence);
    }
}
