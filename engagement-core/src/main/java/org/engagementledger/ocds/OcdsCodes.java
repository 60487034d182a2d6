package org.engagementledger.ocds;

import java.util.Locale;

/**
 * Ledger enums as OCDS-style codes: lower camel case, as in OCDS codelists ({@code NOT_MET} becomes
 * {@code notMet}, exactly the milestoneStatus code; {@code SPECIALISED_SKILLS} becomes
 * {@code specialisedSkills}).
 */
final class OcdsCodes {

    private OcdsCodes() {
    }

    /** The code of an enum constant, or {@code null} for {@code null}. */
    static String code(Enum<?> value) {
        if (value == null) {
            return null;
        }
        String[] words = value.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder code = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                code.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
        }
        return code.toString();
    }

    /** The constant as lower-case words, for prose ({@code SPECIALISED_SKILLS} becomes "specialised skills"). */
    static String words(Enum<?> value) {
        return value == null ? "unknown" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
