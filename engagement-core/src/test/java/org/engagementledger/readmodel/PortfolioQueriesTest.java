package org.engagementledger.readmodel;

import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Party;
import org.engagementledger.api.engagement.CapabilityTargetDefined;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.EngagementActivated;
import org.engagementledger.api.engagement.EngagementCompleted;
import org.engagementledger.api.engagement.EngagementStatus;
import org.engagementledger.api.engagement.EngagementTerminated;
import org.engagementledger.api.query.AgencyPortfolio;
import org.engagementledger.api.query.FindAgencyPortfolio;
import org.engagementledger.api.query.OpenEngagement;
import org.engagementledger.api.query.RepeatEngagement;
import org.engagementledger.api.query.SupplierSpend;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.engagementledger.readmodel.CostLedgerProjectionTest.expense;
import static org.engagementledger.readmodel.ReadModelSamples.*;
import static org.junit.jupiter.api.Assertions.*;

class PortfolioQueriesTest extends ProjectionTestBase {

    private static final EngagementId THIRD = EngagementId.of("ENG-2028-002");

    @Test
    void theSameSupplierEngagedAgainForTheSameCapabilityIsARepeatWhateverTheSpelling() {
        commission(ENGAGEMENT, BUYER, SUPPLIER, 0);
        commission(FOLLOW_UP, BUYER, SUPPLIER, 1);
        commission(THIRD, BUYER, SUPPLIER, 2);
        target(ENGAGEMENT, "CAP-1", "Matching-model maintenance");
        target(FOLLOW_UP, "CAP-7", "  matching-model MAINTENANCE ");
        target(THIRD, "CAP-1", "MATCHING-MODEL MAINTENANCE\t");

        assertEquals(List.of(new RepeatEngagement(SUPPLIER, "Matching-model maintenance", List.of(ENGAGEMENT, FOLLOW_UP, THIRD))),
                portfolio().repeatEngagements());
    }

    @Test
    void anotherSupplierAnotherBuyerOrAnotherCapabilityIsNoRepeat() {
        commission(ENGAGEMENT, BUYER, SUPPLIER, 0);
        commission(NORTHWIND_ENGAGEMENT, BUYER, NORTHWIND, 1);
        commission(SOUTHVALE_ENGAGEMENT, SOUTHVALE, SUPPLIER, 2);
        commission(FOLLOW_UP, BUYER, SUPPLIER, 3);
        target(ENGAGEMENT, "CAP-1", "Matching-model maintenance");
        target(NORTHWIND_ENGAGEMENT, "CAP-1", "Matching-model maintenance");
        target(SOUTHVALE_ENGAGEMENT, "CAP-1", "Matching-model maintenance");
        target(FOLLOW_UP, "CAP-1", "Matching-model design");

        assertEquals(List.of(), portfolio().repeatEngagements());
    }

    @Test
    void twoTargetsForOneCapabilityInOneEngagementAreNoRepeat() {
        commission(ENGAGEMENT, BUYER, SUPPLIER, 0);
        target(ENGAGEMENT, "CAP-1", "Matching-model maintenance");
        target(ENGAGEMENT, "CAP-2", "matching-model maintenance");

        assertEquals(List.of(), portfolio().repeatEngagements());
    }

    @Test
    void spendPerSupplierAddsTheCommittedCostOfEveryEngagementOfTheBuyer() {
        commission(ENGAGEMENT, BUYER, SUPPLIER, 0);
        commission(FOLLOW_UP, BUYER, SUPPLIER, 1);
        commission(NORTHWIND_ENGAGEMENT, BUYER, NORTHWIND, 2);
        commission(SOUTHVALE_ENGAGEMENT, SOUTHVALE, SUPPLIER, 3);
        costLines.on(expense(ENGAGEMENT, 1, "1000.00", CostCategory.DELIVERY), 1, at(10), by(CONSULTANT));
        costLines.on(expense(ENGAGEMENT, 2, "250.50", CostCategory.DELIVERY), 2, at(11), by(CONSULTANT));
        costLines.on(expense(FOLLOW_UP, 1, "99.50", CostCategory.DELIVERY), 1, at(12), by(CONSULTANT));
        costLines.on(expense(SOUTHVALE_ENGAGEMENT, 1, "5000.00", CostCategory.DELIVERY), 1, at(13), by(CONSULTANT));

        assertEquals(List.of(new SupplierSpend(SUPPLIER, eur("1350.00"), 2), new SupplierSpend(NORTHWIND, eur("0.00"), 1)),
                portfolio().spendPerSupplier());
    }

    @Test
    void openEngagementsAreThoseNeitherCompletedNorTerminatedOldestFirst() {
        commission(FOLLOW_UP, BUYER, SUPPLIER, 0);
        commission(ENGAGEMENT, BUYER, SUPPLIER, 1);
        commission(NORTHWIND_ENGAGEMENT, BUYER, NORTHWIND, 2);
        commission(THIRD, BUYER, SUPPLIER, 3);
        engagements.on(new EngagementActivated(ENGAGEMENT, SIGNED), 1);
        engagements.on(new EngagementTerminated(NORTHWIND_ENGAGEMENT, "Budget withdrawn", eur("0.00")), 1);
        engagements.on(new EngagementActivated(THIRD, SIGNED), 1);
        engagements.on(new EngagementCompleted(THIRD, evaluation(), List.of(), eur("0.00")), 2);

        List<OpenEngagement> open = portfolio().openEngagements();

        assertEquals(List.of(FOLLOW_UP, ENGAGEMENT), open.stream().map(OpenEngagement::engagementId).toList());
        assertEquals(List.of(EngagementStatus.COMMISSIONED, EngagementStatus.ACTIVE), open.stream().map(OpenEngagement::status).toList());
    }

    @Test
    void aBuyerWithoutEngagementsHasAnEmptyPortfolio() {
        commission(ENGAGEMENT, BUYER, SUPPLIER, 0);

        assertEquals(new AgencyPortfolio("municipality-eastvale", List.of(), List.of(), List.of()),
                portfolioQueries.handle(new FindAgencyPortfolio("municipality-eastvale")));
    }

    private void commission(EngagementId id, Party buyer, Party supplier, int minute) {
        engagements.on(commissionedFor(id, buyer, supplier), 0, at(minute));
    }

    private void target(EngagementId id, String targetId, String capability) {
        capabilities.on(new CapabilityTargetDefined(id, CapabilityTargetId.of(targetId), capability, "Analytics team", 1, 3),
                targetId.equals("CAP-1") ? 5 : 6);
    }

    private AgencyPortfolio portfolio() {
        return portfolioQueries.handle(new FindAgencyPortfolio(BUYER.id()));
    }
}
