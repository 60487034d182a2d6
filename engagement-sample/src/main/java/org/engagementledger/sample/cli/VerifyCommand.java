package org.engagementledger.sample.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.integrity.Digest;
import org.engagementledger.integrity.KeyFiles;
import org.engagementledger.integrity.LedgerIntegrity;
import org.engagementledger.integrity.VerificationReport;
import org.engagementledger.integrity.VerificationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recomputes every event's hash and link from the raw stored rows (read-only), optionally against a "
                + "signed digest, or verifies an exported bundle offline. Exit status 0 = intact, 1 = findings.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--engagement", paramLabel = "<id>", description = "verify this engagement only")
    String engagement;

    @Option(names = "--digest", paramLabel = "<file>", description = "a digest to check the heads against (needs --public-key)")
    Path digest;

    @Option(names = "--public-key", paramLabel = "<file>", description = "the trusted public key of the digest signer")
    Path publicKey;

    @Option(names = "--bundle", paramLabel = "<file>", description = "verify this exported bundle offline, without a database")
    Path bundle;

    @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE})")
    Output format = Output.text;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (digest != null && publicKey == null) {
            throw new ParameterException(spec.commandLine(), "--digest needs --public-key: a digest is only evidence when checked with a trusted key");
        }
        PublicKey key = publicKey == null ? null : KeyFiles.readPublicKey(publicKey);
        Progress progress = new Progress(spec.commandLine().getErr());
        VerificationReport report;
        if (bundle != null) {
            report = LedgerIntegrity.verifyBundle(bundle, key, progress);
        } else {
            VerificationRequest request = VerificationRequest.all().withProgress(progress);
            if (engagement != null) {
                request = request.forEngagement(engagement);
            }
            if (digest != null) {
                request = request.againstDigest(Digest.read(digest), key);
            }
            try (HikariDataSource dataSource = database.open()) {
                report = LedgerIntegrity.on(dataSource).verify(request);
            }
        }
        spec.commandLine().getOut().println(format == Output.json ? report.toJson() : report.toText());
        return report.intact() ? LedgerCli.OK : LedgerCli.FINDINGS;
    }
}
