package org.engagementledger.api;

/**
 * Who issues a command: a person or system id, the role they act in, and the organisation they act
 * for (for agency roles the buyer's party id, for consultants the supplier's). Every event records
 * the actor that caused it.
 */
public record Actor(String id, Role role, String organisation) {

    public static final int MAX_LENGTH = 128;

    public Actor {
        id = requireText(id, "actor.id");
        if (role == null) {
            throw new IllegalArgumentException("actor.role must not be null");
        }
        organisation = requireText(organisation, "actor.organisation");
    }

    public static Actor of(String id, Role role, String organisation) {
        return new Actor(id, role, organisation);
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_LENGTH + " characters");
        }
        return value;
    }

    @Override
    public String toString() {
        return id + " (" + role + ", " + organisation + ")";
    }
}
