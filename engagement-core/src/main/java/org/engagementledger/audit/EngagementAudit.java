package org.engagementledger.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Party;
import org.engagementledger.api.engagement.EngagementStatus;

import java.time.Instant;
import java.util.List;

/**
 * A structured audit of one engagement from its stored history alone: an answer to each of the twelve
 * auditor questions ({@link AuditQuestion}) with the sequence numbers that support it, and the red flags.
 * Serializes with the ledger's JSON mapper ({@code LedgerJson}).
 *
 * <pre>{@code
 * EngagementHistory history = EngagementHistory.of(configuration.eventStore().readEvents(id.value(), 0L));
 * EngagementAudit audit = EngagementAudit.of(history, AuditInputs.none()
 *         .withVerification(verificationStatus)          // question 12; "not verified" without it
 *         .withOtherEngagements(buyersOtherStates));     // question 7 and REPEAT_ENGAGEMENT
 * }</pre>
 *
 * @param status       the engagement's status at the end of the history
 * @param verification the verification result given to the audit ({@code NOT_VERIFIED} when none was)
 * @param answers      questions 1 to 12, in order
 * @param redFlags     every red flag, including those that need the buyer's other engagements
 */
public record EngagementAudit(EngagementId engagementId, String title, Party buyer, Party supplier, EngagementStatus status,
                              int eventCount, long lastSequence, Instant lastEventAt, VerificationStatus verification,
                              RedFlagThresholds thresholds, List<AuditAnswer> answers, List<RedFlag> redFlags) {

    public EngagementAudit {
        answers = List.copyOf(answers);
        redFlags = List.copyOf(redFlags);
    }

    /** Audits the history alone (see {@link AuditInputs#none()}). */
    public static EngagementAudit of(EngagementHistory history) {
        return of(history, AuditInputs.none());
    }

    /** Audits stored Axon messages of one engagement (e.g. {@code eventStore.readEvents(id, 0L)}). */
    public static EngagementAudit of(List<? extends DomainEventMessage<?>> messages, AuditInputs inputs) {
        return of(EngagementHistory.of(messages), inputs);
    }

    public static EngagementAudit of(EngagementHistory history, AuditInputs inputs) {
        EngagementState state = EngagementState.of(history, inputs.thresholds());
        List<RedFlag> flags = RedFlags.evaluate(state, inputs.otherEngagements(), inputs.thresholds());
        VerificationStatus verification = inputs.verification() != null ? inputs.verification()
                : VerificationStatus.notVerified("no verification result was given to the audit");
        List<AuditAnswer> answers = new AuditAnswers(history, state, inputs, flags, verification).all();
        var commissioning = state.commissioning();
        return new EngagementAudit(history.engagementId(), commissioning == null ? null : commissioning.title(),
                commissioning == null ? null : commissioning.buyer(), commissioning == null ? null : commissioning.supplier(),
                state.status(), state.cut().eventCount(), state.cut().lastSequence(), state.cut().lastEventAt(), verification,
                inputs.thresholds(), answers, flags);
    }

    /** The answer to one question. */
    public AuditAnswer answer(AuditQuestion question) {
        return answers.stream().filter(a -> a.topic() == question).findFirst()
                .orElseThrow(() -> new IllegalStateException("no answer to question " + question.number()));
    }

    /** The answer to question {@code number} (1 to 12). */
    public AuditAnswer answer(int number) {
        return answers.stream().filter(a -> a.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no question " + number + "; questions are numbered 1 to 12"));
    }
}
