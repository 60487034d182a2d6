package org.engagementledger.api.engagement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.PersonalData;

/**
 * A rights-holder who took part in an engagement (an interview, a workshop, a user test). Name, contact
 * details and the participation note are personal data of {@code subject}: stored encrypted with the
 * subject's key and replaced by {@link PersonalData#REPLACEMENT} once the subject is erased.
 *
 * @param subject the participant's pseudonym (see {@link DataSubjectId}); required
 * @param name    the participant's name, if recorded
 * @param contact how to reach the participant (e-mail, phone, address), if recorded
 * @param note    what the participant contributed, in free text that may identify them
 */
public record Participant(
        @NotNull DataSubjectId subject,
        @Size(max = Limits.NAME) @PersonalData(subject = "subject") String name,
        @Size(max = Limits.NAME) @PersonalData(subject = "subject") String contact,
        @Size(max = Limits.TEXT) @PersonalData(subject = "subject") String note) {
}
