package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;

/**
 * The personal data of a data subject in this engagement was erased: the subject's key was destroyed in
 * the same transaction, so every personal field of the subject now reads as
 * {@link org.engagementledger.api.PersonalData#REPLACEMENT}. The actor is who erased it (an agency role).
 * It carries no personal data: the subject is a pseudonym and the ground a code.
 */
@Revision("1")
public record DataSubjectErased(
        EngagementId engagementId,
        DataSubjectId subject,
        ErasureGround ground) implements EngagementEvent {
}
