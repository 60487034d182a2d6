package org.engagementledger.api.engagement;

/** How capability was transferred from consultant to agency staff. */
public enum TransferActivityKind {
    WORKSHOP,
    PAIRING,
    TRAINING,
    DOCUMENTATION,
    QUESTIONS_AND_ANSWERS
}
