package org.engagementledger.api.privacy;

import jakarta.validation.constraints.NotNull;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.engagement.ErasureGround;

/**
 * Erases a data subject's personal data from the whole ledger (GDPR article 17): the subject's key is
 * destroyed and every engagement holding personal data of the subject records a
 * {@link org.engagementledger.api.engagement.DataSubjectErased} event, in one transaction. Agency roles
 * only, acting for the buyer of every engagement concerned; otherwise nothing happens.
 * The answer is a {@link DataSubjectErasure}.
 */
public record EraseDataSubject(
        @NotNull DataSubjectId subject,
        @NotNull ErasureGround ground) {
}
