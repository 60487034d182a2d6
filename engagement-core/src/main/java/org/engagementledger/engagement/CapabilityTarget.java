package org.engagementledger.engagement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.engagement.CapabilityAchievement;
import org.engagementledger.api.engagement.CapabilityAssessed;
import org.engagementledger.api.engagement.CapabilityTargetDefined;

import java.util.Objects;

/**
 * A capability the agency's team must gain, as an aggregate member. The target level is always
 * above the baseline; the latest assessment (if any) is what counts at close.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class CapabilityTarget {

    @EntityId
    private CapabilityTargetId targetId;
    private String capability;
    private String recipientTeam;
    private int baselineLevel;
    private int targetLevel;
    private Integer assessedLevel;

    CapabilityTarget() {
        // for snapshots
    }

    CapabilityTarget(CapabilityTargetDefined event) {
        this.targetId = event.targetId();
        this.capability = event.capability();
        this.recipientTeam = event.recipientTeam();
        this.baselineLevel = event.baselineLevel();
        this.targetLevel = event.targetLevel();
    }

    @EventSourcingHandler
    void on(CapabilityAssessed event) {
        assessedLevel = event.level();
    }

    CapabilityAchievement achievement() {
        return new CapabilityAchievement(targetId, capability, recipientTeam, baselineLevel, targetLevel, assessedLevel,
                assessedLevel != null && assessedLevel >= targetLevel);
    }

    /** Value equality over all state, so that tests can compare a working aggregate with a sourced one. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CapabilityTarget that && Objects.equals(targetId, that.targetId) && Objects.equals(capability, that.capability) && Objects.equals(recipientTeam, that.recipientTeam) && Objects.equals(baselineLevel, that.baselineLevel) && Objects.equals(targetLevel, that.targetLevel) && Objects.equals(assessedLevel, that.assessedLevel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(targetId, capability, recipientTeam, baselineLevel, targetLevel, assessedLevel);
    }
}
