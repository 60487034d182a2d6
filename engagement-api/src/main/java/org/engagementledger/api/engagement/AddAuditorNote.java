package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;

/**
 * An auditor's note; the only command an auditor may issue, and the only one a closed engagement accepts.
 */
public record AddAuditorNote(
        @NotNull EngagementId engagementId,
        @NotBlank @Size(max = Limits.TEXT) String note) implements EngagementCommand {
}
