package org.engagementledger.api.privacy;

import java.util.List;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;

/**
 * What an {@link EraseDataSubject} did.
 *
 * @param subject       the subject erased
 * @param engagements   the engagements that recorded the erasure, in id order (empty when none held personal
 *                      data of the subject)
 * @param keysDestroyed how many keys of the subject were destroyed (0 when it had none, e.g. a repeated erasure)
 */
public record DataSubjectErasure(DataSubjectId subject, List<EngagementId> engagements, int keysDestroyed) {

    public DataSubjectErasure {
        engagements = List.copyOf(engagements);
    }
}
