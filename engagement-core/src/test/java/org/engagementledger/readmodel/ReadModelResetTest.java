package org.engagementledger.readmodel;

import org.axonframework.eventhandling.ResetHandler;
import org.engagementledger.api.engagement.CapabilityAssessed;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.FulfilmentSubmitted;
import org.engagementledger.api.engagement.InvoiceRegistered;
import org.engagementledger.storage.JdbcTransactionManager;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.engagementledger.readmodel.CostLedgerProjectionTest.expense;
import static org.engagementledger.readmodel.ReadModelSamples.*;
import static org.junit.jupiter.api.Assertions.*;

class ReadModelResetTest extends ProjectionTestBase {

    @Test
    void theMigrationCreatesExactlyTheReadModelTables() throws SQLException {
        assertEquals(ReadModelTables.TABLES, ReadModelTables.names(dataSource));
    }

    @Test
    void theResetHandlersOfTheProjectionsClearEveryReadModelTable() throws Exception {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        requirements.on(requirementAdded(), 1, at(1), by(AGENCY_STAFF));
        requirements.on(new FulfilmentSubmitted(ENGAGEMENT, REQUIREMENT, 1, "Prototype"), 2, at(2), by(CONSULTANT));
        capabilities.on(targetDefined(), 3);
        capabilities.on(new CapabilityAssessed(ENGAGEMENT, TARGET, 2, "With help"), 4);
        costLines.on(expense(ENGAGEMENT, 1, "100.00", CostCategory.DELIVERY), 5, at(5), by(CONSULTANT));
        invoices.on(new InvoiceRegistered(ENGAGEMENT, INVOICE, day("2026-03-01"), eur("100.00"), List.of(REQUIREMENT), false), 6);
        feedback.on(feedbackReceived(), 7, at(7), by(AGENCY_STAFF));
        for (String table : ReadModelTables.names(dataSource)) {
            assertTrue(ReadModelTables.count(dataSource, table) > 0, table + " should have rows before the reset");
        }

        for (Object projection : ReadModels.projections(new JdbcTransactionManager(dataSource))) {
            for (Method method : projection.getClass().getMethods()) {
                if (method.isAnnotationPresent(ResetHandler.class)) {
                    method.invoke(projection);
                }
            }
        }

        for (String table : ReadModelTables.names(dataSource)) {
            assertEquals(0, ReadModelTables.count(dataSource, table), table + " should be empty after the reset");
        }
    }
}
