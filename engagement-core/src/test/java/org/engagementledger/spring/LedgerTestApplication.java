package org.engagementledger.spring;

import org.engagementledger.actor.ActorProvider;
import org.engagementledger.api.Actor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.Optional;

/**
 * A minimal Spring Boot host: auto-configuration only (an H2 data source from the test's properties)
 * and an {@link ActorProvider} bean standing in for a security context: the actor signed in on the
 * current thread.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class LedgerTestApplication {

    /** The "security context" of this host. */
    static final ThreadLocal<Actor> SIGNED_IN = new ThreadLocal<>();

    @Bean
    ActorProvider signedInActor() {
        return () -> Optional.ofNullable(SIGNED_IN.get());
    }
}
