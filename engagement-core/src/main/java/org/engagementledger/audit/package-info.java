/**
 * Audit: what an auditor reads from an engagement's stored history alone (no read model, no aggregate).
 *
 * <ul>
 *   <li>{@link org.engagementledger.audit.EngagementHistory}: the input, built from
 *       {@code eventStore().readEvents(id, 0L)} (a {@code DomainEventStream} or a list of messages);
 *       {@code upTo(instant)} and {@code upToSequence(n)} cut it.</li>
 *   <li>{@link org.engagementledger.audit.Timeline}: every event in order with time, actor, type, a
 *       one-line summary ({@link org.engagementledger.audit.EventSummaries}) and the stored event.</li>
 *   <li>{@link org.engagementledger.audit.EngagementState}: the engagement as it stood at an instant
 *       ({@code asOf}) or after a sequence number ({@code afterSequence}), rebuilt by a plain fold, with
 *       the anomalies the fold met and the red flags as of that point.</li>
 *   <li>{@link org.engagementledger.audit.EngagementAudit}: the twelve answers
 *       ({@link org.engagementledger.audit.AuditQuestion}) with supporting sequence numbers, and every red
 *       flag ({@link org.engagementledger.audit.RedFlagCode}, thresholds in
 *       {@link org.engagementledger.audit.RedFlagThresholds}). Optional inputs
 *       ({@link org.engagementledger.audit.AuditInputs}): the buyer's other engagements, a
 *       {@link org.engagementledger.audit.VerificationStatus} computed by the verifier, a date for
 *       question 3.</li>
 * </ul>
 *
 * <p>The audit does not trust the writer: it recomputes what events also record (invoice backing,
 * capability achievement, final cost, hours times rate) and checks the ledger's rules (roles, order,
 * period, currency) again, reporting each breach as an anomaly and the {@code HISTORY_INCONSISTENT} red
 * flag. It never verifies hashes: question 12 relies on the verifier's result. Every result is an
 * immutable record that serializes with {@code LedgerJson.newObjectMapper()}.
 */
package org.engagementledger.audit;
