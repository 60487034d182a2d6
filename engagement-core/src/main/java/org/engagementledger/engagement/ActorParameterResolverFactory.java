package org.engagementledger.engagement;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.engagementledger.api.Actor;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Lets command handlers declare an {@link Actor} parameter, resolved from the command's metadata.
 * Registered through {@code META-INF/services}, so that Axon's classpath lookup finds it in every
 * set-up (plain configuration, Spring, test fixtures) without further wiring.
 */
public final class ActorParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Actor> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (index == 0 || parameters[index].getType() != Actor.class) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Actor resolveParameterValue(Message<?> message) {
                return ActorMetaData.from(message.getMetaData());
            }

            @Override
            public boolean matches(Message<?> message) {
                return message instanceof CommandMessage;
            }
        };
    }
}
