package org.engagementledger.sample.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in-process, as the CLI tests drive it: exit status and everything printed. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LedgerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(status, out.toString(), err.toString());
    }
}
