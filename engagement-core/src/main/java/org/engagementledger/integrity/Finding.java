package org.engagementledger.integrity;

/**
 * One thing the verifier found wrong, located as precisely as the evidence allows.
 *
 * @param kind         what is wrong
 * @param engagementId the engagement, or {@code null} for a finding about a digest
 * @param sequence     the event's sequence number (for {@link FindingKind#SEQ_GAP} and
 *                     {@link FindingKind#TRUNCATED} the first missing one), or {@code null}
 * @param eventId      the event's id when a stored event is concerned, else {@code null}
 * @param message      a sentence for people
 */
public record Finding(FindingKind kind, String engagementId, Long sequence, String eventId, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(kind.name());
        if (engagementId != null) {
            text.append(' ').append(engagementId);
        }
        if (sequence != null) {
            text.append(" #").append(sequence);
        }
        if (eventId != null) {
            text.append(" (event ").append(eventId).append(')');
        }
        return text.append(": ").append(message).toString();
    }
}
