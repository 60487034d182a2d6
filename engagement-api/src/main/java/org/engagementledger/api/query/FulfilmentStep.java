package org.engagementledger.api.query;

import org.engagementledger.api.Actor;

import java.time.Instant;

/**
 * One step of a requirement's fulfilment history.
 *
 * @param version the requirement version the step concerns (for a withdrawal: the version withdrawn)
 * @param text    the evidence (submitted), the assessment (accepted) or the reason (rejected, withdrawn)
 */
public record FulfilmentStep(FulfilmentAction action, int version, String text, Actor actor, Instant at) {
}
