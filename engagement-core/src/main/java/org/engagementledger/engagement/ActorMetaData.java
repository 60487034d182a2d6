package org.engagementledger.engagement;

import org.axonframework.messaging.MetaData;
import org.engagementledger.api.Actor;
import org.engagementledger.api.Role;

import java.util.Map;

/**
 * Maps an {@link Actor} to and from message metadata. The actor travels as three plain string keys
 * so that stored metadata stays readable, canonical and independent of Java types:
 * {@code actorId}, {@code actorRole} and {@code actorOrganisation}.
 */
public final class ActorMetaData {

    public static final String ID = "actorId";
    public static final String ROLE = "actorRole";
    public static final String ORGANISATION = "actorOrganisation";

    private ActorMetaData() {
    }

    public static MetaData of(Actor actor) {
        return MetaData.from(Map.of(ID, actor.id(), ROLE, actor.role().name(), ORGANISATION, actor.organisation()));
    }

    /** True when the metadata names an actor (all three keys present). */
    public static boolean isPresent(Map<String, ?> metaData) {
        return metaData.get(ID) != null && metaData.get(ROLE) != null && metaData.get(ORGANISATION) != null;
    }

    /**
     * Reads the actor from metadata.
     *
     * @throws MissingActorException when a key is missing or the role is unknown
     */
    public static Actor from(Map<String, ?> metaData) {
        Object id = metaData.get(ID);
        Object role = metaData.get(ROLE);
        Object organisation = metaData.get(ORGANISATION);
        if (id == null || role == null || organisation == null) {
            throw new MissingActorException("every command needs an actor: metadata keys '" + ID + "', '" + ROLE
                    + "' and '" + ORGANISATION + "' are required");
        }
        Role parsedRole;
        try {
            parsedRole = Role.valueOf(role.toString());
        } catch (IllegalArgumentException e) {
            throw new MissingActorException("metadata '" + ROLE + "' must be one of AGENCY_BUYER, AGENCY_STAFF, CONSULTANT, AUDITOR, was '" + role + "'");
        }
        try {
            return new Actor(id.toString(), parsedRole, organisation.toString());
        } catch (IllegalArgumentException e) {
            throw new MissingActorException(e.getMessage());
        }
    }
}
