package org.engagementledger.spring;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.EngagementActivated;
import org.engagementledger.privacy.PersonalDataProtection;
import org.engagementledger.storage.LedgerSerializers;

import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Guards the stored format when a host replaces Axon's serializer beans: whatever serializer it
 * brings must write a ledger event exactly as {@link LedgerSerializers} does (same bytes, same type
 * and revision), and must encrypt personal fields ({@code PersonalDataModule} registered). A serializer
 * built with {@code LedgerSerializers.jackson(protection.objectMapper())} passes; XStream, a plain Jackson
 * mapper, or the ledger's mapper without the personal-data module does not.
 */
final class LedgerSerializerCheck {

    private static final EngagementActivated PROBE =
            new EngagementActivated(EngagementId.of("ENG-FORMAT-CHECK"), LocalDate.of(2026, 1, 15));

    private LedgerSerializerCheck() {
    }

    static void requireLedgerForm(String beanName, Serializer serializer) {
        SerializedObject<byte[]> expected = LedgerSerializers.jackson().serialize(PROBE, byte[].class);
        SerializedObject<byte[]> actual;
        try {
            actual = serializer.serialize(PROBE, byte[].class);
        } catch (RuntimeException e) {
            throw mismatch(beanName, serializer, "it failed to serialize a ledger event: " + e.getMessage());
        }
        if (!expected.getType().equals(actual.getType())) {
            throw mismatch(beanName, serializer, "it writes the type as " + actual.getType() + " instead of " + expected.getType());
        }
        if (!Arrays.equals(expected.getData(), actual.getData())) {
            throw mismatch(beanName, serializer, "it writes " + new String(actual.getData(), StandardCharsets.UTF_8)
                    + " instead of " + new String(expected.getData(), StandardCharsets.UTF_8));
        }
        if (!PersonalDataProtection.protects(serializer)) {
            throw mismatch(beanName, serializer, "it would store personal data (fields marked @PersonalData) unencrypted:"
                    + " its ObjectMapper lacks the ledger's PersonalDataModule");
        }
    }

    private static IllegalStateException mismatch(String beanName, Serializer serializer, String detail) {
        return new IllegalStateException("The Axon '" + beanName + "' bean (" + serializer.getClass().getName()
                + ") does not write the Engagement Ledger's stored JSON form: " + detail
                + ". Remove the bean to get the ledger's serializers, or build it with "
                + "LedgerSerializers.jackson(personalDataProtection.objectMapper()) plus your own modules.");
    }
}
