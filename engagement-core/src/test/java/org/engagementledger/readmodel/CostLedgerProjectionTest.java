package org.engagementledger.readmodel;

import org.engagementledger.api.CostLineId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.ExpenseRecorded;
import org.engagementledger.api.engagement.TimeLogged;
import org.engagementledger.api.query.CostLedger;
import org.engagementledger.api.query.CostLine;
import org.engagementledger.api.query.CostLineKind;
import org.engagementledger.api.query.FindCostLedger;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.engagementledger.readmodel.ReadModelSamples.*;
import static org.junit.jupiter.api.Assertions.*;

class CostLedgerProjectionTest extends ProjectionTestBase {

    @Test
    void everyLineCarriesTheRunningTotalOfCommittedCost() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        costLines.on(time(ENGAGEMENT, 1, "7.5", "120.00", CostCategory.DELIVERY), 2, at(10), by(CONSULTANT));
        costLines.on(expense(ENGAGEMENT, 2, "86.40", CostCategory.ADMINISTRATION), 3, at(11), by(CONSULTANT));
        costLines.on(time(ENGAGEMENT, 3, "6", "120.00", CostCategory.CAPABILITY_TRANSFER), 5, at(12), by(CONSULTANT));

        CostLedger ledger = costQueries.handle(new FindCostLedger(ENGAGEMENT));

        assertEquals(List.of(eur("900.00"), eur("986.40"), eur("1706.40")), ledger.lines().stream().map(CostLine::runningTotal).toList());
        CostLine first = ledger.lines().get(0);
        assertEquals(new CostLine(CostLineId.of("cost-1"), CostLineKind.TIME, day("2026-02-03"), "Senior consultant A",
                "Data scientist", new BigDecimal("7.50"), eur("120.00"), "Model design", CostCategory.DELIVERY, REQUIREMENT,
                eur("900.00"), eur("900.00"), CONSULTANT, at(10)), first);
        CostLine expense = ledger.lines().get(1);
        assertEquals(CostLineKind.EXPENSE, expense.kind());
        assertNull(expense.person());
        assertNull(expense.hours());
        assertNull(expense.hourlyRate());
        assertEquals(eur("1706.40"), ledger.total());
    }

    @Test
    void aRedeliveredCostLineIsNeitherDuplicatedNorAddedTwiceToTheRunningTotal() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        TimeLogged first = time(ENGAGEMENT, 1, "1", "500.00", CostCategory.DELIVERY);
        costLines.on(first, 2, at(10), by(CONSULTANT));
        costLines.on(first, 2, at(10), by(CONSULTANT));
        costLines.on(expense(ENGAGEMENT, 2, "250.00", CostCategory.DELIVERY), 3, at(11), by(CONSULTANT));
        costLines.on(first, 2, at(10), by(CONSULTANT));

        CostLedger ledger = costQueries.handle(new FindCostLedger(ENGAGEMENT));

        assertEquals(List.of(eur("500.00"), eur("750.00")), ledger.lines().stream().map(CostLine::runningTotal).toList());
        assertEquals(eur("750.00"), ledger.total());
    }

    @Test
    void totalsAreGivenForEveryCategoryWithTheCapabilityTransferShareToOneDecimal() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        costLines.on(time(ENGAGEMENT, 1, "7.5", "120.00", CostCategory.DELIVERY), 1, at(1), by(CONSULTANT));
        costLines.on(time(ENGAGEMENT, 2, "6", "120.00", CostCategory.CAPABILITY_TRANSFER), 2, at(2), by(CONSULTANT));
        costLines.on(expense(ENGAGEMENT, 3, "86.40", CostCategory.ADMINISTRATION), 3, at(3), by(CONSULTANT));
        costLines.on(expense(ENGAGEMENT, 4, "350.00", CostCategory.CAPABILITY_TRANSFER), 4, at(4), by(CONSULTANT));
        costLines.on(time(ENGAGEMENT, 5, "8", "95.50", CostCategory.DELIVERY), 5, at(5), by(CONSULTANT));

        CostLedger ledger = costQueries.handle(new FindCostLedger(ENGAGEMENT));

        assertEquals(Map.of(CostCategory.DELIVERY, DELIVERY, CostCategory.CAPABILITY_TRANSFER, CAPABILITY_TRANSFER,
                CostCategory.ADMINISTRATION, ADMINISTRATION), ledger.totalsByCategory());
        assertEquals(COMMITTED, ledger.total());
        assertEquals(CAPABILITY_TRANSFER_PERCENT, ledger.capabilityTransferPercent());
    }

    @Test
    void theCapabilityTransferShareRoundsHalfUp() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        costLines.on(expense(ENGAGEMENT, 1, "100.00", CostCategory.CAPABILITY_TRANSFER), 1, at(1), by(CONSULTANT));
        costLines.on(expense(ENGAGEMENT, 2, "1500.00", CostCategory.DELIVERY), 2, at(2), by(CONSULTANT));

        // 100 of 1,600 is exactly 6.25 %
        assertEquals(new BigDecimal("6.3"), costQueries.handle(new FindCostLedger(ENGAGEMENT)).capabilityTransferPercent());
    }

    @Test
    void anEngagementWithoutCostShowsZeroTotalsAndAZeroShare() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));

        CostLedger ledger = costQueries.handle(new FindCostLedger(ENGAGEMENT));

        assertEquals(List.of(), ledger.lines());
        assertEquals(eur("0.00"), ledger.total());
        assertEquals(eur("0.00"), ledger.totalsByCategory().get(CostCategory.CAPABILITY_TRANSFER));
        assertEquals(new BigDecimal("0.0"), ledger.capabilityTransferPercent());
    }

    @Test
    void runningTotalsOfTwoEngagementsDoNotMix() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        engagements.on(commissionedFor(FOLLOW_UP, BUYER, SUPPLIER), 0, at(1));
        costLines.on(expense(ENGAGEMENT, 1, "100.00", CostCategory.DELIVERY), 1, at(2), by(CONSULTANT));
        costLines.on(expense(FOLLOW_UP, 1, "40.00", CostCategory.DELIVERY), 1, at(3), by(CONSULTANT));
        costLines.on(expense(ENGAGEMENT, 2, "10.00", CostCategory.DELIVERY), 2, at(4), by(CONSULTANT));

        assertEquals(eur("110.00"), costQueries.handle(new FindCostLedger(ENGAGEMENT)).total());
        assertEquals(List.of(eur("40.00")), costQueries.handle(new FindCostLedger(FOLLOW_UP)).lines().stream()
                .map(CostLine::runningTotal).toList());
    }

    @Test
    void anUnknownEngagementHasNoCostLedger() {
        assertNull(costQueries.handle(new FindCostLedger(EngagementId.of("ENG-UNKNOWN"))));
    }

    static TimeLogged time(EngagementId id, int line, String hours, String rate, CostCategory category) {
        Money hourlyRate = eur(rate);
        BigDecimal worked = new BigDecimal(hours);
        return new TimeLogged(id, CostLineId.of("cost-" + line), "Senior consultant A", "Data scientist", day("2026-02-03"),
                worked, hourlyRate, hourlyRate.times(worked), category, category == CostCategory.DELIVERY ? REQUIREMENT : null,
                "Model design");
    }

    static ExpenseRecorded expense(EngagementId id, int line, String amount, CostCategory category) {
        return new ExpenseRecorded(id, CostLineId.of("cost-" + line), day("2026-02-12"), eur(amount), category, "Train tickets");
    }
}
