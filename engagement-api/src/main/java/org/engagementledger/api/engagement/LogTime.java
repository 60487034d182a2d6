package org.engagementledger.api.engagement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.Money;
import org.engagementledger.api.PositiveMoney;
import org.engagementledger.api.RequirementId;

/**
 * Logs hours worked by a consultant at an hourly rate. The cost (hours times rate, rounded half-even
 * to the currency's scale) counts against the ceiling. Consultant only; the day must lie within the
 * engagement period.
 */
public record LogTime(
        @NotNull EngagementId engagementId,
        @NotBlank @Size(max = Limits.NAME) String person,
        @NotBlank @Size(max = Limits.NAME) String personRole,
        @NotNull LocalDate date,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hours,
        @NotNull @PositiveMoney Money hourlyRate,
        @NotNull CostCategory category,
        RequirementId requirementId,
        @Size(max = Limits.TEXT) String description) implements EngagementCommand {
}
