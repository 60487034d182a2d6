package org.engagementledger.reliability;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.storage.TestDatabases;

/** {@link ConcurrencyContract} on H2 (in memory, MVStore: row locks and the unique key as on a server). */
class H2ConcurrencyTest extends ConcurrencyContract {

    @Override
    protected HikariDataSource newDataSource() {
        return TestDatabases.h2();
    }

    @Override
    protected void release(HikariDataSource dataSource) {
        dataSource.close();
    }
}
