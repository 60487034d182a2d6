package org.engagementledger.readmodel;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.messaging.MetaData;
import org.engagementledger.api.Actor;
import org.engagementledger.engagement.ActorMetaData;
import org.engagementledger.storage.JdbcTransactionManager;
import org.engagementledger.storage.LedgerSchema;
import org.engagementledger.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Projection unit tests: a fresh, migrated H2 database per test, and every projection and query
 * handler on it. Tests call the handlers directly with fixed sequence numbers and timestamps.
 */
abstract class ProjectionTestBase {

    protected HikariDataSource dataSource;
    protected EngagementProjection engagements;
    protected RequirementProjection requirements;
    protected CapabilityProjection capabilities;
    protected CostLineProjection costLines;
    protected InvoiceProjection invoices;
    protected FeedbackProjection feedback;
    protected SummaryQueries summaryQueries;
    protected RequirementTraceQueries traceQueries;
    protected CostLedgerQueries costQueries;
    protected PortfolioQueries portfolioQueries;
    protected FeedbackQueries feedbackQueries;

    @BeforeEach
    void openDatabase() {
        dataSource = TestDatabases.h2();
        LedgerSchema.migrate(dataSource);
        JdbcTransactionManager connections = new JdbcTransactionManager(dataSource);
        engagements = new EngagementProjection(connections);
        requirements = new RequirementProjection(connections);
        capabilities = new CapabilityProjection(connections);
        costLines = new CostLineProjection(connections);
        invoices = new InvoiceProjection(connections);
        feedback = new FeedbackProjection(connections);
        summaryQueries = new SummaryQueries(connections);
        traceQueries = new RequirementTraceQueries(connections);
        costQueries = new CostLedgerQueries(connections);
        portfolioQueries = new PortfolioQueries(connections);
        feedbackQueries = new FeedbackQueries(connections);
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
    }

    static MetaData by(Actor actor) {
        return ActorMetaData.of(actor);
    }
}
