package org.engagementledger.sample.cli;

import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.engagementledger.engagement.CommandRefusedException;
import org.engagementledger.integrity.IntegrityException;
import org.engagementledger.sample.bench.AppendBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The sample's command line: the demo scenario, the web application ({@code serve}) and the auditor's commands.
 * Commands that use the ledger start the Spring Boot application ({@link LedgerContext}); {@code verify} reads the raw
 * rows without starting the ledger, and {@code keygen} and {@code bench} need no application at all.
 *
 * <p>Exit status: 0 success (or history intact), 1 findings or a refused command, 2 usage or
 * connection error.
 */
@Command(name = "engagement-ledger", mixinStandardHelpOptions = true, version = "Engagement Ledger sample 0.1.0",
        description = "Records, replays, audits and verifies public-sector consultancy engagements.",
        subcommands = {DemoCommand.class, ServeCommand.class, ListCommand.class, ReplayCommand.class, AuditCommand.class,
                KeygenCommand.class, DigestCommand.class, VerifyCommand.class, ExportCommand.class, ReportCommand.class,
                EraseCommand.class, AppendBenchmark.class})
public final class LedgerCli implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required");
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        System.setProperty("org.jboss.logging.provider", "slf4j"); // Hibernate Validator logs through SLF4J (warnings only)
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new LedgerCli());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof DatabaseOptions.ConnectionFailure) {
                cmd.getErr().println("error: " + exception.getMessage());
                return USAGE;
            }
            if (exception instanceof UsageFailure || exception instanceof IntegrityException) {
                cmd.getErr().println("error: " + exception.getMessage());
                return USAGE;
            }
            if (exception instanceof CommandRefusedException || exception instanceof JSR303ViolationException) {
                cmd.getErr().println("refused: " + exception.getMessage());
                return FINDINGS;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    /** A valid command line that names something that does not exist (an engagement, a file): exit 2. */
    public static final class UsageFailure extends RuntimeException {
        public UsageFailure(String message) {
            super(message);
        }
    }
}
