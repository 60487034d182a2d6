package org.engagementledger.api.query;

import org.engagementledger.api.Actor;
import org.engagementledger.api.CostLineId;
import org.engagementledger.api.Money;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.CostCategory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One time entry or expense.
 *
 * @param person        who worked (time entries; {@code null} for expenses)
 * @param personRole    in which role (time entries; {@code null} for expenses)
 * @param hours         hours worked at two decimals (time entries; {@code null} for expenses)
 * @param hourlyRate    rate per hour (time entries; {@code null} for expenses)
 * @param requirementId the requirement the time was logged against, if any
 * @param runningTotal  committed cost up to and including this line
 * @param actor         who recorded the line
 * @param recordedAt    when it was recorded
 */
public record CostLine(
        CostLineId costLineId,
        CostLineKind kind,
        LocalDate date,
        String person,
        String personRole,
        BigDecimal hours,
        Money hourlyRate,
        String description,
        CostCategory category,
        RequirementId requirementId,
        Money amount,
        Money runningTotal,
        Actor actor,
        Instant recordedAt) {
}
