package org.engagementledger.actor;

import org.engagementledger.api.Actor;

import java.util.Optional;

/**
 * The host's hook for the acting user: asked once per command, on the thread that sends it (where
 * the host's security context is). Commands that already carry an actor in their metadata keep it.
 *
 * <pre>{@code
 * ActorProvider fromSecurity = () -> Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
 *         .map(auth -> Actor.of(auth.getName(), roleOf(auth), organisationOf(auth)));
 * }</pre>
 */
@FunctionalInterface
public interface ActorProvider {

    /** The actor on whose behalf the current thread acts, or empty when nobody is signed in. */
    Optional<Actor> currentActor();

    /** A provider that never knows the actor: every command must then carry one itself. */
    static ActorProvider none() {
        return Optional::empty;
    }
}
