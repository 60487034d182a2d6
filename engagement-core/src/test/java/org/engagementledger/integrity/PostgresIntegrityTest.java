package org.engagementledger.integrity;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.storage.TestDatabases;

class PostgresIntegrityTest extends IntegrityContract {

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
