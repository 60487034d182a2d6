package org.engagementledger.api.engagement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Identifier;
import org.engagementledger.api.Limits;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.Period;
import org.engagementledger.api.PositiveMoney;

/**
 * Commissions an engagement: the agency's decision to hire a consultant, with everything an auditor
 * later asks about the decision (why a consultant, core work, the in-house alternative and its cost).
 * Issued by the buyer agency's {@code AGENCY_BUYER}. Core work ({@code coreWork = true}) is refused
 * without a {@code coreWorkJustification}.
 */
public record CommissionEngagement(
        @NotNull EngagementId engagementId,
        @NotNull @Valid Party buyer,
        @NotBlank @Size(max = Limits.NAME) String buyerUnit,
        @NotNull @Valid Party supplier,
        @NotBlank @Size(max = Limits.TITLE) String title,
        @NotBlank @Size(max = Limits.TEXT) String problem,
        @NotBlank @Size(max = Limits.TEXT) String intendedOutcome,
        @NotNull ConsultantReason reason,
        boolean coreWork,
        @Size(max = Limits.TEXT) String coreWorkJustification,
        @NotNull @Valid InHouseAlternative inHouseAlternative,
        @NotNull @Size(min = 1, max = Limits.LIST) List<@NotBlank @Size(max = Limits.NAME) String> rightsHolderGroups,
        @NotNull @PositiveMoney Money ceiling,
        @NotNull Period period,
        @Size(max = Identifier.MAX_LENGTH) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:/-]*") String procurementReference) implements EngagementCommand {
}
