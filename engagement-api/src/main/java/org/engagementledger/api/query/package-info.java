/**
 * Questions the ledger's read models answer, and the views they answer with: records and enums
 * only. Views are eventually consistent with the stored events; see {@code EngagementLedger#awaitReadModels}.
 */
package org.engagementledger.api.query;
