package org.engagementledger.privacy;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.storage.TestDatabases;

class PostgresPersonalDataKeysTest extends JdbcPersonalDataKeysContract {

    @Override
    protected HikariDataSource newDataSource() {
        return TestDatabases.postgres();
    }

    @Override
    protected void release(HikariDataSource dataSource) {
        TestDatabases.dropSchema(dataSource);
    }
}
