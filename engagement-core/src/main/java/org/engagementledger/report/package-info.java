/**
 * Report: the HTML audit report of one engagement, for auditors who read it in a browser or on paper.
 *
 * <p>{@link org.engagementledger.report.AuditReport} renders one self-contained HTML5 page (inline CSS
 * and SVG, no script, nothing loaded from anywhere) from what the audit package computes: the
 * {@link org.engagementledger.audit.EngagementHistory} (timeline), the
 * {@link org.engagementledger.audit.EngagementAudit} (twelve answers, red flags), the
 * {@link org.engagementledger.audit.EngagementState} (requirements, cost over time, capability targets)
 * and the {@link org.engagementledger.audit.VerificationStatus} the verifier produced. It adds no
 * judgement of its own: every figure on the page is one the audit package computed or a value stored in
 * an event.
 *
 * <p>The page is written with plain Java and a small writer ({@code Html}) that escapes every value,
 * rather than with a template engine: most of the page is loops and chart geometry, and a library would
 * be one more runtime dependency for every host of the ledger.
 */
package org.engagementledger.report;
