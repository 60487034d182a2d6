package org.engagementledger.api.query;

import org.engagementledger.api.CapabilityTargetId;

/**
 * How far a recipient team has come towards one capability target.
 *
 * @param latestAssessedLevel the level of the most recent assessment, or {@code null} when never assessed
 * @param met                 true when the latest assessment reached the target level
 */
public record CapabilityProgress(
        CapabilityTargetId targetId,
        String capability,
        String recipientTeam,
        int baselineLevel,
        int targetLevel,
        Integer latestAssessedLevel,
        boolean met) {
}
