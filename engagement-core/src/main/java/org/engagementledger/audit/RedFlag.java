package org.engagementledger.audit;

import java.util.List;
import java.util.Objects;

/**
 * One red flag raised from an engagement's history.
 *
 * @param sequences the events that raise it, ascending
 */
public record RedFlag(RedFlagCode code, Severity severity, String message, List<Long> sequences) {

    public RedFlag {
        Objects.requireNonNull(code, "code must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(message, "message must not be null");
        sequences = sequences.stream().distinct().sorted().toList();
    }
}
