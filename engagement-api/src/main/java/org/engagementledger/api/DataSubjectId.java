package org.engagementledger.api;

import java.util.UUID;

/**
 * A pseudonym for a data subject: a person whose personal data an event carries (a citizen giving
 * feedback, a rights-holder taking part), or a group whose data is erased together (a citizen panel).
 * Every personal field ({@link PersonalData}) names the component holding its subject, and is encrypted
 * with that subject's key; erasing the subject destroys the key.
 *
 * <p>The host chooses it and keeps the link to the person in its own records. It must never be derived
 * from who the person is (no name, e-mail address, phone or national id number): it is stored in plain
 * text, so that erasure can find the subject. {@link #random()} gives a fresh one.
 */
public record DataSubjectId(String value) implements Identifier {

    public DataSubjectId {
        Identifier.checked(value, "DataSubjectId");
    }

    public static DataSubjectId of(String value) {
        return new DataSubjectId(value);
    }

    /** A new random pseudonym ({@code subject-} and a random UUID), linked to nobody until the host records the link. */
    public static DataSubjectId random() {
        return new DataSubjectId("subject-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
