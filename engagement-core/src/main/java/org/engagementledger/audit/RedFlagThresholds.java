package org.engagementledger.audit;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The tunable thresholds of the red flags. The other flags have no threshold: any occurrence counts.
 *
 * @param amendmentGrowthPercent  {@link RedFlagCode#AMENDMENT_GROWTH} is raised when the net growth of the
 *                                ceiling (current minus original) is strictly above this percentage of the
 *                                original ceiling; default {@value #DEFAULT_AMENDMENT_GROWTH_PERCENT}
 * @param consultantStatedPercent {@link RedFlagCode#REQUIREMENTS_MOSTLY_STATED_BY_CONSULTANT} is raised when
 *                                strictly more than this percentage of all requirements ever added (withdrawn
 *                                ones included) were stated by the consultant; default
 *                                {@value #DEFAULT_CONSULTANT_STATED_PERCENT} ("most")
 */
public record RedFlagThresholds(BigDecimal amendmentGrowthPercent, BigDecimal consultantStatedPercent) {

    public static final int DEFAULT_AMENDMENT_GROWTH_PERCENT = 20;
    public static final int DEFAULT_CONSULTANT_STATED_PERCENT = 50;

    public static final RedFlagThresholds DEFAULTS = new RedFlagThresholds(
            BigDecimal.valueOf(DEFAULT_AMENDMENT_GROWTH_PERCENT), BigDecimal.valueOf(DEFAULT_CONSULTANT_STATED_PERCENT));

    public RedFlagThresholds {
        Objects.requireNonNull(amendmentGrowthPercent, "amendmentGrowthPercent must not be null");
        Objects.requireNonNull(consultantStatedPercent, "consultantStatedPercent must not be null");
        if (amendmentGrowthPercent.signum() < 0) {
            throw new IllegalArgumentException("amendmentGrowthPercent must not be negative");
        }
        if (consultantStatedPercent.signum() < 0 || consultantStatedPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("consultantStatedPercent must be between 0 and 100");
        }
    }
}
