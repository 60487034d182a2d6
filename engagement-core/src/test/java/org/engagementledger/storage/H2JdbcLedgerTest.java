package org.engagementledger.storage;

import com.zaxxer.hikari.HikariDataSource;

class H2JdbcLedgerTest extends JdbcLedgerContract {

    @Override
    protected HikariDataSource newDataSource() {
        return TestDatabases.h2();
    }

    @Override
    protected void release(HikariDataSource dataSource) {
        dataSource.close();
    }
}
