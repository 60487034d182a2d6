package org.engagementledger.api.engagement;

/**
 * Why a data subject's personal data was erased: the grounds of GDPR article 17(1). Recorded as a code
 * rather than free text, so that the record of an erasure holds no personal data itself.
 */
public enum ErasureGround {
    /** 17(1)(a): no longer necessary for the purposes it was collected for. */
    NO_LONGER_NECESSARY,
    /** 17(1)(b): the subject withdrew the consent it rested on. */
    CONSENT_WITHDRAWN,
    /** 17(1)(c): the subject objected and there are no overriding legitimate grounds. */
    OBJECTION,
    /** 17(1)(d): it was processed unlawfully. */
    UNLAWFUL_PROCESSING,
    /** 17(1)(e): erasure is required by a legal obligation. */
    LEGAL_OBLIGATION,
    /** 17(1)(f): it was collected from a child in relation to an information society service. */
    CHILD_INFORMATION_SOCIETY_SERVICE
}
