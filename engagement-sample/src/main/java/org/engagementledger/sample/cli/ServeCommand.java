package org.engagementledger.sample.cli;

import org.engagementledger.sample.scenario.Cast;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the web application on the ledger database: the dashboard at / and the REST API under /api, "
                + "signed in as one of the demo users (HTTP Basic for the API, a sign-in form for the dashboard). Runs until "
                + "stopped with Ctrl-C.",
                "It listens on 127.0.0.1 only unless --address says otherwise: the demo users' passwords are public."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", paramLabel = "<port>", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = 8080;

    @Option(names = "--address", paramLabel = "<ip>", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String address = "127.0.0.1";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Ledger database: " + database.effectiveUrl());
        out.println("Starting the web application...");
        LedgerContext context;
        try {
            context = LedgerContext.start(database, WebApplicationType.SERVLET,
                    Map.of("server.port", String.valueOf(port), "server.address", address));
        } catch (PortInUseException e) {
            throw new LedgerCli.UsageFailure("port " + e.getPort() + " is already in use: stop what uses it or pass another --port");
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.context().addApplicationListener((ContextClosedEvent event) -> closed.countDown());
        String port = context.context().getEnvironment().getProperty("local.server.port", String.valueOf(this.port));
        String host = address.contains(":") ? "[" + address + "]" : address;
        out.println("Dashboard:  http://" + host + ":" + port + "/");
        out.println("REST API:   http://" + host + ":" + port + "/api/engagements (HTTP Basic), catalogue at /api/commands");
        out.println("Sign in as " + Cast.AUDITOR.username() + " / " + Cast.AUDITOR.password()
                + " or another demo user (listed on the sign-in page; for evaluation only). Stop with Ctrl-C.");
        out.flush();
        closed.await();
        return LedgerCli.OK;
    }
}
