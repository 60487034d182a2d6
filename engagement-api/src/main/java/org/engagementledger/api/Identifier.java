package org.engagementledger.api;

import java.util.regex.Pattern;

/**
 * A small value type naming one thing in the ledger. Every id is a non-blank string of at most
 * {@value #MAX_LENGTH} characters from a conservative alphabet, so that it is safe in URLs, file
 * names, log lines and OCDS identifiers. Ids serialize to JSON as a bare string.
 */
public interface Identifier {

    int MAX_LENGTH = 64;

    /** The id's text, as stored. */
    String value();

    /**
     * Checks the shape shared by all ids and returns the value.
     *
     * @throws IllegalArgumentException naming the id type and the rule broken
     */
    static String checked(String value, String type) {
        if (value == null) {
            throw new IllegalArgumentException(type + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(type + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(type + " must be at most " + MAX_LENGTH + " characters, was " + value.length());
        }
        if (!Shape.PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(type + " must match " + Shape.PATTERN.pattern() + " (letters, digits and . _ : / -), was '" + value + "'");
        }
        return value;
    }

    /** Holder for the compiled pattern (interfaces cannot have private static fields). */
    final class Shape {
        static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]*");

        private Shape() {
        }
    }
}
