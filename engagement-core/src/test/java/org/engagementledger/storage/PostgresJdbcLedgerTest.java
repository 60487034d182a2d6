package org.engagementledger.storage;

import com.zaxxer.hikari.HikariDataSource;

class PostgresJdbcLedgerTest extends JdbcLedgerContract {

    @Override
    protected HikariDataSource newDataSource() {
        return TestDatabases.postgres();
    }

    @Override
    protected void release(HikariDataSource dataSource) {
        if (dataSource != null) {
            TestDatabases.dropSchema(dataSource);
        }
    }
}
