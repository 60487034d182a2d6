package org.engagementledger.integrity;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.storage.TestDatabases;

class H2IntegrityTest extends IntegrityContract {

    @Override
    protected HikariDataSource newDataSource() {
        return TestDatabases.h2();
    }

    @Override
    protected void release(HikariDataSource dataSource) {
        dataSource.close();
    }
}
