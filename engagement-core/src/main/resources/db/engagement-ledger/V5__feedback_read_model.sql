-- The feedback log read model (org.engagementledger.readmodel.FeedbackProjection). Plain SQL that runs unchanged
-- on PostgreSQL and H2 2.x.
--
-- observation, given_by_name and given_by_contact are personal data of given_by, held here decrypted so that the
-- agency can answer. When a DataSubjectErased event for given_by is processed, they are overwritten with the
-- replacement value in every row received before the erasure; a rebuild reads the replacement from the events.

CREATE TABLE rm_feedback (
    engagement_id          VARCHAR(64)              NOT NULL,
    feedback_id            VARCHAR(64)              NOT NULL,
    source                 VARCHAR(20)              NOT NULL,
    observation            VARCHAR(4000)            NOT NULL,
    linked_requirement     VARCHAR(64),
    given_by               VARCHAR(64),
    given_by_name          VARCHAR(200),
    given_by_contact       VARCHAR(200),
    received_sequence      BIGINT                   NOT NULL,
    actor_id               VARCHAR(128)             NOT NULL,
    actor_role             VARCHAR(20)              NOT NULL,
    actor_organisation     VARCHAR(128)             NOT NULL,
    received_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    response               VARCHAR(4000),
    decision               VARCHAR(4000),
    answered_by_id         VARCHAR(128),
    answered_by_role       VARCHAR(20),
    answered_by_org        VARCHAR(128),
    answered_at            TIMESTAMP WITH TIME ZONE,
    answered_sequence      BIGINT,
    CONSTRAINT pk_rm_feedback PRIMARY KEY (engagement_id, feedback_id)
);

CREATE INDEX ix_rm_feedback_given_by ON rm_feedback (given_by);
