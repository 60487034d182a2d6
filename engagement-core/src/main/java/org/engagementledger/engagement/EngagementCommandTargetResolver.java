package org.engagementledger.engagement;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.engagementledger.api.engagement.EngagementCommand;

/**
 * Routes every {@link EngagementCommand} to the engagement it names. This keeps
 * {@code @TargetAggregateIdentifier} (an Axon type) out of the API module.
 */
public final class EngagementCommandTargetResolver implements CommandTargetResolver {

    public static final EngagementCommandTargetResolver INSTANCE = new EngagementCommandTargetResolver();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (!(command.getPayload() instanceof EngagementCommand engagementCommand)) {
            throw new IllegalArgumentException("not an engagement command: " + command.getPayloadType().getName());
        }
        if (engagementCommand.engagementId() == null) {
            throw new IllegalArgumentException("engagementId must not be null");
        }
        return new VersionedAggregateIdentifier(engagementCommand.engagementId().value(), null);
    }
}
