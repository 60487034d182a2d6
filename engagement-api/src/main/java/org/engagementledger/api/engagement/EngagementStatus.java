package org.engagementledger.api.engagement;

/** Lifecycle of an engagement: commissioned (decided, not yet awarded), active (contract signed), then closed as completed or terminated. */
public enum EngagementStatus {
    COMMISSIONED,
    ACTIVE,
    COMPLETED,
    TERMINATED
}
