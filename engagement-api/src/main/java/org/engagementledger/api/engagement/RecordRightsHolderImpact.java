package org.engagementledger.api.engagement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;

/**
 * Records how an engagement affects a rights-holder group: the rights engaged, how the group took part,
 * the non-discrimination assessment and the remedy channel open to them. Agency roles only.
 * {@code participants} (optional) names the individual rights-holders who took part; their personal data
 * is stored encrypted per participant (see {@link Participant}).
 */
public record RecordRightsHolderImpact(
        @NotNull EngagementId engagementId,
        @NotBlank @Size(max = Limits.NAME) String group,
        @NotNull @Size(min = 1, max = Limits.LIST) List<@NotBlank @Size(max = Limits.NAME) String> rightsEngaged,
        @NotBlank @Size(max = Limits.TEXT) String participation,
        @NotNull NonDiscriminationAssessment assessment,
        @Size(max = Limits.TEXT) String assessmentNote,
        @NotBlank @Size(max = Limits.TEXT) String remedyChannel,
        @Size(max = Limits.LIST) List<@NotNull @Valid Participant> participants) implements EngagementCommand {
}
