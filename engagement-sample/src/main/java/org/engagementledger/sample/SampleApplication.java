package org.engagementledger.sample;

import org.engagementledger.actor.ActorProvider;
import org.engagementledger.api.Actor;
import org.engagementledger.sample.scenario.Cast;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.Optional;

/**
 * The sample host: a Spring Boot application that gets its ledger from engagement-core's auto-configuration
 * alone (a {@code spring.datasource.*} and the jars on the classpath), as an agency system would. The command
 * line ({@code org.engagementledger.sample.cli}) starts it without a web server for {@code demo}, {@code list},
 * {@code audit} and the other commands, and with one for {@code serve} ({@code org.engagementledger.sample.web}).
 *
 * <p>What the host adds is the acting user: Spring Security's authenticated user, looked up among the demo
 * users ({@link Cast#USERS}), becomes the {@link Actor} of every command sent without one.
 */
@SpringBootApplication
public class SampleApplication {

    /** The signed-in user as the ledger's actor: asked on the thread that sends the command. */
    @Bean
    ActorProvider actorFromSpringSecurity() {
        return () -> Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                .filter(auth -> auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken))
                .flatMap(SampleApplication::actorOf);
    }

    /** The actor behind an authentication: every demo user acts in one role for one organisation. */
    public static Optional<Actor> actorOf(Authentication authentication) {
        return Cast.user(authentication.getName()).map(Cast.DemoUser::actor);
    }

    /**
     * The demo users, one per role and organisation, with their published passwords (stored as BCrypt hashes
     * all the same). For evaluation only: a real host authenticates against the agency's identity provider and
     * maps its claims to role and organisation.
     */
    @Bean
    UserDetailsService demoUsers(PasswordEncoder passwordEncoder) {
        return new InMemoryUserDetailsManager(Cast.USERS.stream()
                .map(user -> User.withUsername(user.username())
                        .password(passwordEncoder.encode(user.password()))
                        .roles(user.actor().role().name())
                        .build())
                .toList());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
