package org.engagementledger.sample.cli;

import org.engagementledger.EngagementLedger;
import org.engagementledger.sample.SampleApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sample application ({@link SampleApplication}) started for one command: without a web server for the
 * command-line tools, with one for {@code serve}. The ledger and its data source come from the
 * auto-configuration, exactly as in any Spring Boot host; the command only names the database.
 */
final class LedgerContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private LedgerContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** A context without a web server. */
    static LedgerContext start(DatabaseOptions database) {
        return start(database, WebApplicationType.NONE, Map.of());
    }

    /**
     * A context of the given type; {@code properties} take precedence over every other source, like
     * command-line arguments of a Spring Boot application.
     */
    static LedgerContext start(DatabaseOptions database, WebApplicationType type, Map<String, String> properties) {
        database.probe();
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=" + database.effectiveUrl());
        args.add("--spring.datasource.username=" + database.effectiveUser());
        args.add("--spring.datasource.password=" + database.effectivePassword());
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                .web(type)
                .registerShutdownHook(type != WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
        return new LedgerContext(context);
    }

    EngagementLedger ledger() {
        return context.getBean(EngagementLedger.class);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
