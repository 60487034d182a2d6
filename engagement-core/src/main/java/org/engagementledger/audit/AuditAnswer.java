package org.engagementledger.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to one auditor question.
 *
 * @param number    1 to 12
 * @param topic     the question as a constant
 * @param question  the question's text
 * @param verdict   whether the answer gives cause for concern
 * @param answer    a short answer in plain language
 * @param facts     the figures and items behind the answer, by name, in a fixed order
 * @param sequences the events that support the answer, ascending
 * @param redFlags  the red flags raised on the same matter
 */
public record AuditAnswer(int number, AuditQuestion topic, String question, Verdict verdict, String answer, Map<String, Object> facts,
                          List<Long> sequences, List<RedFlagCode> redFlags) {

    /** How an answer reads for the auditor. */
    public enum Verdict {
        /** The record answers the question and shows nothing of concern. */
        OK,
        /** The record answers the question and shows something an auditor should look at. */
        CONCERN,
        /** The record cannot answer the question (yet), e.g. an open engagement has no evaluation. */
        UNKNOWN
    }

    public AuditAnswer {
        Objects.requireNonNull(topic, "topic must not be null");
        Objects.requireNonNull(verdict, "verdict must not be null");
        Objects.requireNonNull(answer, "answer must not be null");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        sequences = sequences.stream().distinct().sorted().toList();
        redFlags = redFlags.stream().distinct().sorted().toList();
    }
}
