package org.engagementledger.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Defaults for Axon that suit an embedded ledger, added with the lowest precedence so that any
 * property the host sets (file, environment, command line) wins:
 * <ul>
 *   <li>{@code axon.axonserver.enabled=false}: the ledger stores in the host's database; a host that
 *       brings the Axon Server connector along (e.g. through {@code axon-spring-boot-starter}) does
 *       not try to connect to a server unless it says so;</li>
 *   <li>{@code axon.update-check.disabled=true}: no call home to AxonIQ's update checker.</li>
 * </ul>
 */
public class EngagementLedgerEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE_NAME = "engagementLedgerDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "axon.axonserver.enabled", "false",
            "axon.update-check.disabled", "true");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
        }
    }
}
