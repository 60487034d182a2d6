package org.engagementledger.sample.cli;

import org.engagementledger.integrity.Digest;
import org.engagementledger.integrity.KeyFiles;
import org.engagementledger.integrity.LedgerIntegrity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Issues a signed digest of every engagement's history (a Merkle root over their heads, linked to the "
                + "previous digest), stores it, and writes it to a file for the auditor.")
final class DigestCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--private-key", required = true, paramLabel = "<file>", description = "the signing key made by keygen")
    Path privateKey;

    @Option(names = "--out", required = true, paramLabel = "<file>", description = "where to write the digest (JSON)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (LedgerContext context = LedgerContext.start(database)) { // the ledger migrates a schema it has not opened yet
            Digest digest = LedgerIntegrity.on(context.dataSource()).issueDigest(KeyFiles.readSigningKey(privateKey));
            digest.write(out);
            spec.commandLine().getOut().println("digest of " + digest.size() + " engagements, root " + digest.root()
                    + ", issued " + digest.issuedAt() + ", written to " + out);
        }
        return LedgerCli.OK;
    }
}
