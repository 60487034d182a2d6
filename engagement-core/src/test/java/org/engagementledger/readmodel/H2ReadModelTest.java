package org.engagementledger.readmodel;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.storage.TestDatabases;

class H2ReadModelTest extends ReadModelContract {

    @Override
    protected HikariDataSource newDataSource() {
        return TestDatabases.h2();
    }

    @Override
    protected void release(HikariDataSource dataSource) {
        dataSource.close();
    }
}
