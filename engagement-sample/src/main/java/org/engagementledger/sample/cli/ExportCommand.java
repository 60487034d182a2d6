package org.engagementledger.sample.cli;

import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.integrity.LedgerIntegrity;
import org.engagementledger.ocds.OcdsExport;
import org.engagementledger.ocds.OcdsFormat;
import org.engagementledger.ocds.OcdsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports an engagement: a verification bundle (raw events, digests and public key, verifiable "
                + "offline), or Open Contracting (OCDS 1.1) release or record package (see docs/ocds.md).")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Parameters(paramLabel = "<id>", description = "the engagement id")
    String id;

    @Option(names = "--format", required = true, paramLabel = "bundle|ocds-release|ocds-record",
            description = "bundle, ocds-release or ocds-record")
    String format;

    @Option(names = "--out", required = true, paramLabel = "<file>", description = "the file to write")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OcdsFormat ocds = null;
        if (!"bundle".equals(format)) {
            try {
                ocds = OcdsFormat.fromCliName(format);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--format must be bundle, ocds-release or ocds-record, was '" + format + "'");
            }
        }
        try (LedgerContext context = LedgerContext.start(database)) {
            EngagementHistory history = Engagements.history(context.ledger(), id);
            if (ocds == null) {
                LedgerIntegrity.on(context.dataSource()).exportBundle(id, out);
            } else {
                write(history, ocds);
            }
        }
        spec.commandLine().getOut().println("exported " + id + " as " + format + " to " + out);
        return LedgerCli.OK;
    }

    private void write(EngagementHistory history, OcdsFormat ocds) {
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                new OcdsExport(OcdsOptions.defaults()).write(history, ocds, stream);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }
}
