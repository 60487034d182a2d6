package org.engagementledger.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} component of an event record as personal data of one data subject: names,
 * contact details, and free text that may identify people. The ledger stores such a value only
 * encrypted with the subject's own key (AES-256-GCM), never in plain text; once the subject is erased
 * its key is destroyed, and every later read of the value (replay, audit, report, export, read models)
 * yields {@link #REPLACEMENT} instead. A {@code null} value stays {@code null}.
 *
 * <p>{@link #subject()} names the component of the same record that holds the {@link DataSubjectId}
 * the value belongs to. A non-null marked value whose subject is {@code null} is refused when the event
 * is stored, rather than stored readable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /**
     * What a personal value reads as once its subject has been erased, and whenever it cannot be
     * decrypted (a missing or wrong key, a damaged value): the ledger fails closed, never showing
     * anything else.
     */
    String REPLACEMENT = "[personal data erased]";

    /** The name of the record component that holds the value's {@link DataSubjectId}. */
    String subject();
}
