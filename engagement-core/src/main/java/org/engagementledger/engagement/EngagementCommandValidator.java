package org.engagementledger.engagement;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.engagementledger.api.engagement.EngagementCommand;
import org.engagementledger.api.privacy.EraseDataSubject;

/**
 * Validates the shape of every {@link EngagementCommand} and {@link EraseDataSubject} with Jakarta Validation (Axon's
 * {@link BeanValidationInterceptor}) before the engagement sees it, and leaves a host's own commands
 * alone. A violation fails the command with a {@code JSR303ViolationException} naming each field and
 * rule; nothing is stored.
 */
public final class EngagementCommandValidator implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final BeanValidationInterceptor<CommandMessage<?>> delegate = new BeanValidationInterceptor<>();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        if (payload instanceof EngagementCommand || payload instanceof EraseDataSubject) {
            return delegate.handle(unitOfWork, chain);
        }
        return chain.proceed();
    }
}
