/**
 * Erasure of personal data (GDPR article 17) across the ledger. Personal fields of events are marked
 * {@link org.engagementledger.api.PersonalData} and belong to a {@link org.engagementledger.api.DataSubjectId};
 * see {@code docs/personal-data.md}.
 */
package org.engagementledger.api.privacy;
