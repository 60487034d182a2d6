package org.engagementledger.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagementledger.api.Actor;
import org.engagementledger.engagement.ActorMetaData;
import org.engagementledger.engagement.MissingActorException;
import org.engagementledger.integrity.EventHasher;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the actor from stored metadata bytes with the same outcome as {@link AuditedEvent#of} on a
 * deserialized message (no actor when a key is missing or the role unknown): metadata in the writer's
 * canonical form is read without a parser, other metadata by scanning only the three actor members
 * instead of building the whole metadata map.
 */
final class StoredActors {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredActors() {
    }

    static Actor read(byte[] metaData) {
        if (metaData == null) {
            return null;
        }
        Map<String, String> members = EventHasher.writerFormMembers(metaData);
        if (members != null) { // the ledger's own form: plain strings, no parser needed
            return of(members);
        }
        Map<String, Object> actor = new HashMap<>(4);
        try (JsonParser parser = JSON.createParser(metaData)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean actorKey = ActorMetaData.ID.equals(name) || ActorMetaData.ROLE.equals(name) || ActorMetaData.ORGANISATION.equals(name);
                if (!actorKey) {
                    parser.skipChildren();
                } else if (value == JsonToken.VALUE_STRING) {
                    actor.put(name, parser.getText());
                } else {
                    return fromFullMap(metaData); // an odd value: read it exactly as the general path does
                }
            }
        } catch (IOException e) {
            return null;
        }
        return of(actor);
    }

    @SuppressWarnings("unchecked")
    private static Actor fromFullMap(byte[] metaData) {
        try {
            return of(MAPPER.readValue(metaData, Map.class));
        } catch (IOException e) {
            return null;
        }
    }

    private static Actor of(Map<String, ?> metaData) {
        if (!ActorMetaData.isPresent(metaData)) {
            return null;
        }
        try {
            return ActorMetaData.from(metaData);
        } catch (MissingActorException e) {
            return null;
        }
    }
}
