package org.engagementledger.ocds;

/**
 * The ledger's OCDS extension: one namespaced top-level release field, {@value #FIELD}, carrying what
 * OCDS 1.1 has no place for (rights-holder impacts, feedback and answers, requirement provenance and
 * versions, capability targets and assessments, structured conflicts of interest, decisions, the
 * consultant reason, core work and in-house cost comparison, cost lines, invoices, the evaluation at
 * close). Its structure is documented in {@code docs/ocds.md} and defined, in the OCDS extension
 * format, by the resources {@value #EXTENSION_JSON} and {@value #RELEASE_SCHEMA_PATCH} (a JSON merge
 * patch of the release schema) that a host publishes beside its data.
 */
public final class OcdsExtension {

    /** The release field that holds the extension. */
    public static final String FIELD = "engagementLedger";

    /** Class-path resource: the extension's metadata ({@code extension.json}). */
    public static final String EXTENSION_JSON = "/org/engagementledger/ocds/extension/extension.json";

    /** Class-path resource: the extension's release-schema patch ({@code release-schema.json}). */
    public static final String RELEASE_SCHEMA_PATCH = "/org/engagementledger/ocds/extension/release-schema.json";

    private OcdsExtension() {
    }
}
