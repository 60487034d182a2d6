package org.engagementledger.api.query;

import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.engagement.EngagementStatus;
import org.engagementledger.api.engagement.RequirementStatus;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where one engagement stands. All amounts are in the engagement's currency.
 *
 * @param committed          time plus expenses recorded so far
 * @param remaining          ceiling minus committed (never negative: the ledger refuses cost above the ceiling)
 * @param invoiced           every registered invoice, whatever its status
 * @param acceptedInvoices   invoices the agency accepted
 * @param disputedInvoices   invoices currently disputed
 * @param requirementCounts  how many requirements are in each status; every status is present, zero when none
 * @param capabilities       one entry per capability target, in the order they were defined
 */
public record EngagementSummary(
        EngagementId engagementId,
        EngagementStatus status,
        Party buyer,
        String buyerUnit,
        Party supplier,
        String title,
        Money ceiling,
        Money committed,
        Money remaining,
        Money invoiced,
        Money acceptedInvoices,
        Money disputedInvoices,
        Map<RequirementStatus, Integer> requirementCounts,
        List<CapabilityProgress> capabilities) {

    public EngagementSummary {
        Objects.requireNonNull(engagementId, "engagementId must not be null");
        EnumMap<RequirementStatus, Integer> counts = new EnumMap<>(RequirementStatus.class);
        for (RequirementStatus each : RequirementStatus.values()) {
            counts.put(each, 0);
        }
        counts.putAll(requirementCounts);
        requirementCounts = Collections.unmodifiableMap(counts);
        capabilities = List.copyOf(capabilities);
    }
}
