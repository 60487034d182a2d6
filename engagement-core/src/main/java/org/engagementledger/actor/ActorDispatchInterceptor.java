package org.engagementledger.actor;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.engagementledger.engagement.ActorMetaData;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Adds the {@link ActorProvider}'s actor to every command dispatched without one. Runs on the
 * sender's thread, so a provider that reads a thread-bound security context sees the right user.
 */
public final class ActorDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final ActorProvider provider;

    public ActorDispatchInterceptor(ActorProvider provider) {
        this.provider = provider;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (ActorMetaData.isPresent(command.getMetaData())) {
                return command;
            }
            return provider.currentActor()
                    .<CommandMessage<?>>map(actor -> command.andMetaData(ActorMetaData.of(actor)))
                    .orElse(command);
        };
    }
}
