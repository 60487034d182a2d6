package org.engagementledger.api.engagement;

import org.axonframework.serialization.Revision;
import org.engagementledger.api.DeclarationId;
import org.engagementledger.api.EngagementId;

/**
 * A conflict of interest was declared, with its mitigation and whether it was declared before award or discovered later.
 */
@Revision("1")
public record ConflictOfInterestDeclared(
        EngagementId engagementId,
        DeclarationId declarationId,
        String declarant,
        ConflictNature nature,
        String description,
        String mitigation,
        DeclarationTiming timing) implements EngagementEvent {
}
