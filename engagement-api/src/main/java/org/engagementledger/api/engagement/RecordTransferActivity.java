package org.engagementledger.api.engagement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;

/**
 * Records one knowledge-transfer activity for a target (a workshop, pairing, ...), within the engagement period.
 */
public record RecordTransferActivity(
        @NotNull EngagementId engagementId,
        @NotNull CapabilityTargetId targetId,
        @NotNull TransferActivityKind kind,
        @NotNull LocalDate date,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hours,
        @Min(1) @Max(1000) int participants,
        @NotBlank @Size(max = Limits.TEXT) String description) implements EngagementCommand {
}
