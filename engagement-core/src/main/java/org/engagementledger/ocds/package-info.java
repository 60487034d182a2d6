/**
 * OCDS: an engagement's stored history published as Open Contracting Data Standard 1.1 data.
 *
 * <ul>
 *   <li>{@link org.engagementledger.ocds.OcdsExport}: the entry point. From an
 *       {@link org.engagementledger.audit.EngagementHistory} it builds the releases (one per meaningful
 *       change, i.e. every event but an auditor's note), the release package and the record package
 *       with its compiled release; {@link org.engagementledger.ocds.OcdsFormat} names the two packages
 *       as a command line does ({@code ocds-release}, {@code ocds-record}).</li>
 *   <li>{@link org.engagementledger.ocds.OcdsOptions}: ocid prefix, publisher, package URIs, the zone
 *       for calendar days, whether actors are named and whether records embed their releases.</li>
 *   <li>{@link org.engagementledger.ocds.OcdsMerge}: the OCDS merge rules that compile releases.</li>
 *   <li>{@link org.engagementledger.ocds.OcdsExtension}: the namespaced {@code engagementLedger} release
 *       field for what OCDS lacks, with its schema patch and metadata as class-path resources.</li>
 * </ul>
 *
 * <p>Like the audit, the export trusts nothing but the history: no read model, no aggregate. It does not
 * judge the history either (the audit does that); it publishes what was recorded. The mapping table,
 * the ocid and id rules and the extension's fields are in {@code docs/ocds.md}.
 */
package org.engagementledger.ocds;
