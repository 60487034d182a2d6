package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.EngagementId;

/**
 * An auditor added a note.
 */
@Revision("1")
public record AuditorNoteAdded(
        EngagementId engagementId,
        String note) implements EngagementEvent {
}
