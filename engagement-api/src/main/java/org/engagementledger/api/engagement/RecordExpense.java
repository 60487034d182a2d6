package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.Money;
import org.engagementledger.api.PositiveMoney;

/**
 * Records an expense (travel, venue, licence, ...) that counts against the ceiling. Consultant only.
 */
public record RecordExpense(
        @NotNull EngagementId engagementId,
        @NotNull LocalDate date,
        @NotNull @PositiveMoney Money amount,
        @NotNull CostCategory category,
        @NotBlank @Size(max = Limits.TEXT) String description) implements EngagementCommand {
}
