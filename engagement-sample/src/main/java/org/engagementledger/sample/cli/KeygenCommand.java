package org.engagementledger.sample.cli;

import org.engagementledger.integrity.KeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Creates an Ed25519 key pair for signing digests: a private signing key (kept by the ledger operator) "
                + "and a public key (handed to auditors). Existing files are never overwritten.")
final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "directory for the two key files")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KeyFiles.GeneratedKeys keys = KeyFiles.generate(out);
        spec.commandLine().getOut().println("signing key: " + keys.signingKey() + " (keep it private)");
        spec.commandLine().getOut().println("public key:  " + keys.publicKey() + " (give it to auditors)");
        spec.commandLine().getOut().println("key id:      " + keys.keyId());
        return LedgerCli.OK;
    }
}
