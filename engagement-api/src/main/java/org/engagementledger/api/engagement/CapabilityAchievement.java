package org.engagementledger.api.engagement;

import org.engagementledger.api.CapabilityTargetId;

/**
 * What one capability target reached by the close of an engagement. {@code assessedLevel} is the
 * latest assessment, or {@code null} when the target was never assessed; {@code met} is true only when
 * an assessment reached the target level.
 */
public record CapabilityAchievement(
        CapabilityTargetId targetId,
        String capability,
        String recipientTeam,
        int baselineLevel,
        int targetLevel,
        Integer assessedLevel,
        boolean met) {
}
