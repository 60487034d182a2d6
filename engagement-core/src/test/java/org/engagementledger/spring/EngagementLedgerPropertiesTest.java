package org.engagementledger.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagementledger.config.LedgerSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code engagement-ledger.*}: defaults, binding and the generated configuration metadata. */
class EngagementLedgerPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EngagementLedgerProperties.class)
    static class Bind {
    }

    @Test
    void theDefaultsAreTheLedgersDefaultSettings() {
        EngagementLedgerProperties defaults = new EngagementLedgerProperties();
        assertEquals(LedgerSettings.DEFAULTS, defaults.toSettings());
        assertEquals(org.engagementledger.privacy.PersonalDataProtection.DEFAULT_KEY_CACHE_TTL, defaults.getPersonalDataKeyCacheTtl());
        assertTrue(defaults.isEnabled());
        assertTrue(defaults.isMigrateSchema());
    }

    @Test
    void propertiesBindInKebabCase() {
        runner.withPropertyValues("engagement-ledger.snapshot-threshold=3", "engagement-ledger.cache-size=0",
                        "engagement-ledger.gap-timeout=15m", "engagement-ledger.migrate-schema=false",
                        "engagement-ledger.personal-data-key-cache-ttl=0s", "engagement-ledger.read-model-fetch-delay=0ms",
                        "engagement-ledger.read-model-segments=2")
                .run(context -> {
                    EngagementLedgerProperties properties = context.getBean(EngagementLedgerProperties.class);
                    assertEquals(new LedgerSettings(3, 0, Duration.ofMinutes(15), Duration.ZERO, 2), properties.toSettings());
                    assertFalse(properties.isMigrateSchema());
                    assertEquals(Duration.ZERO, properties.getPersonalDataKeyCacheTtl());
                });
        runner.withPropertyValues("engagement-ledger.read-model-fetch-delay=6s")
                .run(context -> assertTrue(context.getStartupFailure() != null
                        && rootMessage(context.getStartupFailure()).contains("read-model-fetch-delay must be between zero and PT5S, was PT6S"),
                        String.valueOf(context.getStartupFailure())));
        runner.withPropertyValues("engagement-ledger.read-model-segments=0")
                .run(context -> assertTrue(context.getStartupFailure() != null
                        && rootMessage(context.getStartupFailure()).contains("read-model-segments must be between 1 and 64, was 0"),
                        String.valueOf(context.getStartupFailure())));
        runner.withPropertyValues("engagement-ledger.personal-data-key-cache-ttl=-1s")
                .run(context -> assertTrue(context.getStartupFailure() != null
                        && rootMessage(context.getStartupFailure()).contains("personal-data-key-cache-ttl must be zero (no cache) or positive"),
                        String.valueOf(context.getStartupFailure())));
    }

    @Test
    void theGeneratedMetadataDescribesEveryPropertyWithItsDefault() throws IOException {
        Map<String, JsonNode> properties = ledgerMetadata();

        assertEquals(Set.of("engagement-ledger.enabled", "engagement-ledger.snapshot-threshold",
                "engagement-ledger.cache-size", "engagement-ledger.gap-timeout", "engagement-ledger.migrate-schema",
                "engagement-ledger.personal-data-key-cache-ttl", "engagement-ledger.read-model-fetch-delay",
                "engagement-ledger.read-model-segments"), properties.keySet());
        properties.forEach((name, property) -> {
            assertFalse(property.path("description").asText().isBlank(), name + " has a description");
            assertNotNull(property.get("defaultValue"), name + " has a default");
        });
        assertEquals(250, properties.get("engagement-ledger.snapshot-threshold").get("defaultValue").asInt());
        assertEquals(10_000, properties.get("engagement-ledger.cache-size").get("defaultValue").asInt());
        assertEquals("10m", properties.get("engagement-ledger.gap-timeout").get("defaultValue").asText());
        assertEquals("java.time.Duration", properties.get("engagement-ledger.gap-timeout").get("type").asText());
        assertEquals("30s", properties.get("engagement-ledger.personal-data-key-cache-ttl").get("defaultValue").asText());
        assertEquals("50ms", properties.get("engagement-ledger.read-model-fetch-delay").get("defaultValue").asText());
        assertEquals(LedgerSettings.DEFAULT_READ_MODEL_SEGMENTS, properties.get("engagement-ledger.read-model-segments").get("defaultValue").asInt());
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** The engagement-ledger.* entries of every META-INF/spring-configuration-metadata.json on the classpath. */
    private static Map<String, JsonNode> ledgerMetadata() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (URL url : Collections.list(EngagementLedgerPropertiesTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : mapper.readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("engagement-ledger.")) {
                        properties.put(name, property);
                    }
                }
            }
        }
        return properties;
    }
}
