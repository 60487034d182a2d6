package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.engagementledger.api.engagement.CapabilityAssessed;
import org.engagementledger.api.engagement.CapabilityTargetDefined;

/**
 * Projects capability targets and their latest assessment into {@code rm_capability_target}.
 *
 * <p>Replay-safe: a target is inserted once; an assessment only replaces one with a lower sequence
 * number ({@code assessed_sequence}), so the latest assessment wins however often events arrive.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public final class CapabilityProjection {

    private final ReadModelJdbc jdbc;

    public CapabilityProjection(ConnectionProvider connections) {
        this.jdbc = new ReadModelJdbc(connections);
    }

    @EventHandler
    public void on(CapabilityTargetDefined event, @SequenceNumber long sequence) {
        if (jdbc.exists("SELECT 1 FROM rm_capability_target WHERE engagement_id = ? AND target_id = ?",
                event.engagementId(), event.targetId())) {
            return;
        }
        jdbc.update("INSERT INTO rm_capability_target (engagement_id, target_id, capability, recipient_team, baseline_level,"
                        + " target_level, assessed_level, assessed_sequence, defined_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.engagementId(), event.targetId(), event.capability(), event.recipientTeam(), event.baselineLevel(),
                event.targetLevel(), null, null, sequence);
    }

    @EventHandler
    public void on(CapabilityAssessed event, @SequenceNumber long sequence) {
        jdbc.update("UPDATE rm_capability_target SET assessed_level = ?, assessed_sequence = ?"
                        + " WHERE engagement_id = ? AND target_id = ? AND (assessed_sequence IS NULL OR assessed_sequence < ?)",
                event.level(), sequence, event.engagementId(), event.targetId(), sequence);
    }

    @ResetHandler
    public void reset() {
        jdbc.update("DELETE FROM rm_capability_target");
    }
}
