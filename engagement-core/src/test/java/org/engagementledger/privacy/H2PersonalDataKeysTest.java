package org.engagementledger.privacy;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.storage.TestDatabases;

class H2PersonalDataKeysTest extends JdbcPersonalDataKeysContract {

    @Override
    protected HikariDataSource newDataSource() {
        return TestDatabases.h2();
    }

    @Override
    protected void release(HikariDataSource dataSource) {
        dataSource.close();
    }
}
