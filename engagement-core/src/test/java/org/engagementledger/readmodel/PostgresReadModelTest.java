package org.engagementledger.readmodel;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.storage.TestDatabases;

class PostgresReadModelTest extends ReadModelContract {

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
