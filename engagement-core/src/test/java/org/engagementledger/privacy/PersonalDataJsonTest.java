package org.engagementledger.privacy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.FeedbackReceived;
import org.engagementledger.api.engagement.FeedbackSource;
import org.engagementledger.api.engagement.NonDiscriminationAssessment;
import org.engagementledger.api.engagement.Participant;
import org.engagementledger.api.engagement.RightsHolderImpactRecorded;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stored JSON of personal fields ({@link PersonalDataModule}): encrypted on the way in, decrypted, or
 * replaced, on the way out; never plaintext at rest, never plaintext or a crash when the key is wrong or gone.
 */
class PersonalDataJsonTest {

    private static final EngagementId ENGAGEMENT = EngagementId.of("ENG-2026-001");
    private static final DataSubjectId CITIZEN = DataSubjectId.of("subject-citizen-1");
    private static final DataSubjectId PARTICIPANT = DataSubjectId.of("subject-participant-2");
    private static final String OBSERVATION = "My son waited four months for a first meeting";
    private static final String NAME = "Robin Example";
    private static final String CONTACT = "robin@example.org";

    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys(cipher);
    private final ObjectMapper mapper = PersonalDataProtection.of(keys, cipher, SnapshotPurge.NONE).objectMapper();

    @Test
    void personalFieldsAreStoredEncryptedAndReadBackAsWritten() throws Exception {
        FeedbackReceived feedback = feedback(CITIZEN, NAME, CONTACT);
        String json = mapper.writeValueAsString(feedback);

        assertFalse(json.contains(OBSERVATION) || json.contains(NAME) || json.contains(CONTACT), json);
        JsonNode tree = mapper.readTree(json);
        for (String field : List.of("observation", "givenByName", "givenByContact")) {
            assertEquals("AES-256-GCM", tree.get(field).get("encryption").asText(), field);
        }
        // what is not personal stays readable: ids, the pseudonym, the source
        assertEquals("subject-citizen-1", tree.get("givenBy").asText());
        assertEquals("CITIZEN_PANEL", tree.get("source").asText());
        assertEquals(feedback, mapper.readValue(json, FeedbackReceived.class));
    }

    @Test
    void everyParticipantIsEncryptedWithTheirOwnKey() throws Exception {
        DataSubjectId other = DataSubjectId.of("subject-participant-3");
        RightsHolderImpactRecorded impact = impact(List.of(new Participant(PARTICIPANT, "Sam Example", "sam@example.org", "Spoke about debt"),
                new Participant(other, "Kim Example", null, null)));
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(impact));

        String samsKey = tree.get("participants").get(0).get("name").get("keyId").asText();
        String kimsKey = tree.get("participants").get(1).get("name").get("keyId").asText();
        assertEquals(keys.keyForWriting(PARTICIPANT, null).keyId().toString(), samsKey);
        assertEquals(keys.keyForWriting(other, null).keyId().toString(), kimsKey);
        assertTrue(tree.get("participants").get(1).get("contact").isNull(), "an absent value stays null");
        assertEquals(impact, mapper.readValue(tree.toString(), RightsHolderImpactRecorded.class));
    }

    @Test
    void writingAPersonalValueRemembersTheEngagementItIsUsedIn() throws Exception {
        mapper.writeValueAsString(feedback(CITIZEN, null, null));
        mapper.writeValueAsString(impact(List.of(new Participant(CITIZEN, NAME, null, null))));
        mapper.writeValueAsString(new FeedbackReceived(EngagementId.of("ENG-2026-000"), FeedbackId.of("FB-9"), FeedbackSource.RIGHTS_HOLDER,
                "Again", null, CITIZEN, null, null));

        assertEquals(List.of(EngagementId.of("ENG-2026-000"), ENGAGEMENT), keys.engagementsOf(CITIZEN));
        assertEquals(List.of(), keys.engagementsOf(PARTICIPANT));
    }

    @Test
    void afterTheKeyIsDestroyedEveryPersonalFieldReadsAsTheReplacementValue() throws Exception {
        String json = mapper.writeValueAsString(feedback(CITIZEN, NAME, CONTACT));
        keys.destroy(CITIZEN);

        FeedbackReceived read = mapper.readValue(json, FeedbackReceived.class);
        assertEquals(PersonalData.REPLACEMENT, read.observation());
        assertEquals(PersonalData.REPLACEMENT, read.givenByName());
        assertEquals(PersonalData.REPLACEMENT, read.givenByContact());
        assertEquals(CITIZEN, read.givenBy());
        assertEquals(FeedbackId.of("FB-1"), read.feedbackId());
    }

    @Test
    void anotherSubjectsDataStaysReadableWhenOneIsErased() throws Exception {
        String erased = mapper.writeValueAsString(feedback(CITIZEN, NAME, CONTACT));
        String kept = mapper.writeValueAsString(impact(List.of(new Participant(PARTICIPANT, "Sam Example", null, "Spoke about debt"))));
        keys.destroy(CITIZEN);

        assertEquals(PersonalData.REPLACEMENT, mapper.readValue(erased, FeedbackReceived.class).observation());
        Participant sam = mapper.readValue(kept, RightsHolderImpactRecorded.class).participants().get(0);
        assertEquals("Sam Example", sam.name());
        assertEquals("Spoke about debt", sam.note());
    }

    @Test
    void aWrongKeyReadsAsTheReplacementValueNeverPlaintextOrACrash() throws Exception {
        String json = mapper.writeValueAsString(feedback(CITIZEN, NAME, CONTACT));
        SecretKey wrong = cipher.newKey();
        PersonalDataKeys swapped = readingOnly(keyId -> Optional.of(wrong));
        ObjectMapper reader = PersonalDataProtection.of(swapped, cipher, SnapshotPurge.NONE).objectMapper();

        FeedbackReceived read = reader.readValue(json, FeedbackReceived.class);
        assertEquals(PersonalData.REPLACEMENT, read.observation());
        assertEquals(PersonalData.REPLACEMENT, read.givenByName());
    }

    @Test
    void aKeyThatNeverExistedReadsAsTheReplacementValue() throws Exception {
        ObjectNode tree = (ObjectNode) mapper.readTree(mapper.writeValueAsString(feedback(CITIZEN, NAME, CONTACT)));
        ((ObjectNode) tree.get("observation")).put("keyId", UUID.randomUUID().toString());

        assertEquals(PersonalData.REPLACEMENT, mapper.treeToValue(tree, FeedbackReceived.class).observation());
        assertEquals(NAME, mapper.treeToValue(tree, FeedbackReceived.class).givenByName());
    }

    @Test
    void aDamagedEncryptedValueReadsAsTheReplacementValue() throws Exception {
        ObjectNode tree = (ObjectNode) mapper.readTree(mapper.writeValueAsString(feedback(CITIZEN, NAME, CONTACT)));
        ((ObjectNode) tree.get("observation")).put("ciphertext", "AAAA" + tree.get("observation").get("ciphertext").asText().substring(4));
        ((ObjectNode) tree.get("givenByName")).remove("iv");
        tree.put("givenByContact", 42);

        FeedbackReceived read = mapper.treeToValue(tree, FeedbackReceived.class);
        assertEquals(PersonalData.REPLACEMENT, read.observation());
        assertEquals(PersonalData.REPLACEMENT, read.givenByName());
        assertEquals(PersonalData.REPLACEMENT, read.givenByContact());
    }

    @Test
    void aValueStoredBeforeItWasEncryptedIsReadAsStored() throws Exception {
        String revisionOneShape = "{\"engagementId\":\"ENG-2026-001\",\"feedbackId\":\"FB-1\",\"source\":\"FRONTLINE_STAFF\","
                + "\"observation\":\"The ranking ignores travel time\",\"linkedRequirement\":null,"
                + "\"givenBy\":null,\"givenByName\":null,\"givenByContact\":null}";
        FeedbackReceived read = mapper.readValue(revisionOneShape, FeedbackReceived.class);
        assertEquals("The ranking ignores travel time", read.observation());
        assertNull(read.givenBy());
    }

    @Test
    void personalDataWithoutADataSubjectIsRefusedRatherThanStoredReadable() {
        JsonMappingException refused = assertThrows(JsonMappingException.class,
                () -> mapper.writeValueAsString(feedback(null, NAME, CONTACT)));
        assertTrue(refused.getMessage().contains("personal data in observation of FeedbackReceived names no data subject"
                + " (givenBy is null): refusing to store it unencrypted"), refused.getMessage());
    }

    /** A record marked wrongly: its subject component is not a DataSubjectId. */
    record Misnamed(String subject, @PersonalData(subject = "subject") String name) {
    }

    /** A record marked wrongly: a personal value that is not text. */
    record NotText(DataSubjectId subject, @PersonalData(subject = "subject") Integer age) {
    }

    @Test
    void aMarkingThatNamesNoDataSubjectComponentIsRefused() {
        JsonMappingException refused = assertThrows(JsonMappingException.class,
                () -> mapper.writeValueAsString(new Misnamed("subject-1", NAME)));
        assertTrue(refused.getMessage().contains("@PersonalData(subject = \"subject\") on name of Misnamed names no DataSubjectId"
                + " component of that record"), refused.getMessage());
    }

    @Test
    void onlyTextCanBeMarkedAsPersonalData() {
        JsonMappingException refused = assertThrows(JsonMappingException.class,
                () -> mapper.writeValueAsString(new NotText(CITIZEN, 42)));
        assertTrue(refused.getMessage().contains("@PersonalData marks only String components"), refused.getMessage());
    }

    @Test
    void aKeyStoreThatCannotBeReachedFailsTheReadInsteadOfPretendingTheDataWasErased() throws Exception {
        String json = mapper.writeValueAsString(feedback(CITIZEN, NAME, CONTACT));
        PersonalDataKeys unreachable = readingOnly(keyId -> {
            throw new PersonalDataKeysException("cannot read key " + keyId + ": connection refused", null);
        });
        ObjectMapper reader = PersonalDataProtection.of(unreachable, cipher, SnapshotPurge.NONE).objectMapper();
        Exception failed = assertThrows(Exception.class, () -> reader.readValue(json, FeedbackReceived.class));
        assertTrue(rootCause(failed) instanceof PersonalDataKeysException, failed.toString());
    }

    @Test
    void theLedgersPlainMapperIsNotAProtectingOneButTheProtectionsIs() {
        assertFalse(PersonalDataProtection.protects(org.engagementledger.storage.LedgerSerializers.jackson()));
        assertTrue(PersonalDataProtection.protects(PersonalDataProtection.inMemory().serializer()));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static FeedbackReceived feedback(DataSubjectId subject, String name, String contact) {
        return new FeedbackReceived(ENGAGEMENT, FeedbackId.of("FB-1"), FeedbackSource.CITIZEN_PANEL, OBSERVATION,
                RequirementId.of("REQ-1"), subject, name, contact);
    }

    private static RightsHolderImpactRecorded impact(List<Participant> participants) {
        return new RightsHolderImpactRecorded(ENGAGEMENT, "Young unemployed people aged 16-24", List.of("Right to work"),
                "Two workshops", NonDiscriminationAssessment.RISK_MITIGATED, null, "Complaints desk", participants);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A key store these tests only read from, each key id answered by {@code keyForReading}. */
    private static PersonalDataKeys readingOnly(Function<UUID, Optional<SecretKey>> keyForReading) {
        return new PersonalDataKeys() {
            @Override
            public SubjectKey keyForWriting(DataSubjectId subject, EngagementId engagement) {
                throw new AssertionError("not written");
            }

            @Override
            public Optional<SecretKey> keyForReading(UUID keyId) {
                return keyForReading.apply(keyId);
            }

            @Override
            public List<EngagementId> engagementsOf(DataSubjectId subject) {
                return List.of();
            }

            @Override
            public List<UUID> destroy(DataSubjectId subject) {
                return List.of();
            }
        };
    }
}
