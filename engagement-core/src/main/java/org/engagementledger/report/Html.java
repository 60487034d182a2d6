package org.engagementledger.report;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A minimal HTML writer: every text and attribute value goes through {@link #escape(String)}, tags are
 * always closed and attribute values always double-quoted, so the page is also well-formed XML. Tag and
 * attribute names are constants from this package, never data.
 */
final class Html {

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9:-]*");

    private final StringBuilder out = new StringBuilder(64 * 1024);
    private final Set<String> ids = new HashSet<>();

    /**
     * Escapes text for HTML element content and double- or single-quoted attribute values (the OWASP rule
     * for HTML contexts: {@code & < > " '}). Characters XML 1.0 forbids (C0 controls other than tab, line
     * feed and carriage return, lone surrogates, U+FFFE and U+FFFF) become U+FFFD, so that stored text can
     * never break the page's structure. {@code null} becomes the empty string.
     */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder b = null;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement == null) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    if (b != null) {
                        b.append(c).append(value.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                if (!allowed(c)) {
                    replacement = "\uFFFD";
                }
            }
            if (replacement != null) {
                if (b == null) {
                    b = new StringBuilder(n + 16).append(value, 0, i);
                }
                b.append(replacement);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? value : b.toString();
    }

    private static boolean allowed(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c >= 0x7F && c <= 0x9F) {
            return false; // C1 controls: allowed by XML, but HTML reports them as parse errors
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }

    /**
     * A value for an {@code id} attribute and a {@code #fragment}: letters, digits, {@code -} and
     * {@code _} only, unique within the page (a suffix is added on a clash).
     */
    String uniqueId(String prefix, String value) {
        String base = prefix + slug(value);
        String id = base;
        for (int i = 2; !ids.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    static String slug(String value) {
        if (value == null || value.isEmpty()) {
            return "x";
        }
        StringBuilder b = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
            b.append(plain ? c : '-');
        }
        return b.toString();
    }

    /** Reserves a fixed id (sections, charts) so that {@link #uniqueId} never hands it out. */
    String fixedId(String id) {
        if (!ids.add(id)) {
            throw new IllegalStateException("duplicate id " + id);
        }
        return id;
    }

    /** Opens {@code tag} with attributes given as name/value pairs; a {@code null} value leaves the attribute out. */
    Html open(String tag, Object... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** An empty element, written {@code <tag ... />} (HTML void elements and SVG shapes). */
    Html empty(String tag, Object... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append(" />");
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag attributes>text</tag>} with the text escaped. */
    Html element(String tag, Object text, Object... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(Object text) {
        out.append(escape(text == null ? "" : String.valueOf(text)));
        return this;
    }

    /** Markup written by this package (never data). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html newline() {
        out.append('\n');
        return this;
    }

    private void attributes(Object[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            String name = (String) attributes[i];
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("attribute name " + name);
            }
            out.append(' ').append(name).append("=\"").append(escape(String.valueOf(value))).append('"');
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
