package org.engagementledger.ocds;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The two OCDS documents an engagement exports to, by the names a command line uses. */
public enum OcdsFormat {
    /** An OCDS release package: every release of the engagement, oldest first. */
    RELEASE_PACKAGE("ocds-release"),
    /** An OCDS record package: one record with the releases and their compiled release. */
    RECORD_PACKAGE("ocds-record");

    private final String cliName;

    OcdsFormat(String cliName) {
        this.cliName = cliName;
    }

    /** {@code ocds-release} or {@code ocds-record}. */
    public String cliName() {
        return cliName;
    }

    /**
     * The format named {@code ocds-release} or {@code ocds-record}.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static OcdsFormat fromCliName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown OCDS format '" + name + "'; use one of "
                        + Arrays.stream(values()).map(OcdsFormat::cliName).collect(Collectors.joining(", "))));
    }
}
