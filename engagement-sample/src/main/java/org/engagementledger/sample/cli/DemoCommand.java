package org.engagementledger.sample.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.EngagementLedger;
import org.engagementledger.sample.SampleApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Records the sample engagement (unless it is already there) and prints its history.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (HikariDataSource dataSource = database.open(); EngagementLedger ledger = database.ledger(dataSource, false)) {
            PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
            out.println("Ledger database: " + database.url);
            SampleApp.run(ledger, out);
            out.flush();
        }
        return LedgerCli.OK;
    }
}
