package org.engagementledger.reliability;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.storage.TestDatabases;

/** {@link ConcurrencyContract} on PostgreSQL, in a throwaway schema. */
class PostgresConcurrencyTest extends ConcurrencyContract {

    @Override
    protected HikariDataSource newDataSource() {
        return TestDatabases.postgres();
    }

    @Override
    protected void release(HikariDataSource dataSource) {
        TestDatabases.dropSchema(dataSource);
    }
}
