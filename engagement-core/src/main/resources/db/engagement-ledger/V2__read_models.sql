-- Read models (package org.engagementledger.readmodel), written by the "engagement-read-models" event
-- processor in the same transaction as its token. Plain SQL that runs unchanged on PostgreSQL and H2 2.x.
--
-- Replay safety: every row is keyed by what the events name (engagement, requirement, target, invoice)
-- or by the event's position in its engagement (engagement_id, sequence_number), and is written once.
-- Rows that change keep the sequence number of the last event applied (last_sequence, assessed_sequence)
-- and only later events update them. No running counter is stored: totals are sums over keyed rows,
-- and a cost line's running total is its predecessor's plus its own amount.
-- Amounts are NUMERIC(19,4) with the ISO currency code beside them; times are the events' timestamps.

CREATE TABLE rm_engagement (
    engagement_id   VARCHAR(64)              NOT NULL,
    buyer_id        VARCHAR(64)              NOT NULL,
    buyer_name      VARCHAR(200)             NOT NULL,
    buyer_unit      VARCHAR(200),
    supplier_id     VARCHAR(64)              NOT NULL,
    supplier_name   VARCHAR(200)             NOT NULL,
    title           VARCHAR(300)             NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    currency        VARCHAR(3)               NOT NULL,
    ceiling         NUMERIC(19, 4)           NOT NULL,
    commissioned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence   BIGINT                   NOT NULL,
    CONSTRAINT pk_rm_engagement PRIMARY KEY (engagement_id)
);

CREATE INDEX ix_rm_engagement_buyer ON rm_engagement (buyer_id);

CREATE TABLE rm_requirement (
    engagement_id   VARCHAR(64) NOT NULL,
    requirement_id  VARCHAR(64) NOT NULL,
    stated_by       VARCHAR(20) NOT NULL,
    status          VARCHAR(30) NOT NULL,
    current_version INTEGER     NOT NULL,
    added_sequence  BIGINT      NOT NULL,
    last_sequence   BIGINT      NOT NULL,
    CONSTRAINT pk_rm_requirement PRIMARY KEY (engagement_id, requirement_id)
);

-- One row per version of a requirement: the RequirementAdded (version 1) or RequirementRevised event.
CREATE TABLE rm_requirement_revision (
    engagement_id             VARCHAR(64)              NOT NULL,
    sequence_number           BIGINT                   NOT NULL,
    requirement_id            VARCHAR(64)              NOT NULL,
    version                   INTEGER                  NOT NULL,
    outcome                   VARCHAR(4000)            NOT NULL,
    verification_method       VARCHAR(300)             NOT NULL,
    reason                    VARCHAR(4000),
    lacks_acceptance_criteria BOOLEAN                  NOT NULL,
    actor_id                  VARCHAR(128)             NOT NULL,
    actor_role                VARCHAR(20)              NOT NULL,
    actor_organisation        VARCHAR(128)             NOT NULL,
    recorded_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_rm_requirement_revision PRIMARY KEY (engagement_id, sequence_number)
);

CREATE TABLE rm_requirement_criterion (
    engagement_id   VARCHAR(64)   NOT NULL,
    sequence_number BIGINT        NOT NULL,
    ordinal         INTEGER       NOT NULL,
    criterion       VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_rm_requirement_criterion PRIMARY KEY (engagement_id, sequence_number, ordinal)
);

CREATE TABLE rm_fulfilment_step (
    engagement_id      VARCHAR(64)              NOT NULL,
    sequence_number    BIGINT                   NOT NULL,
    requirement_id     VARCHAR(64)              NOT NULL,
    action             VARCHAR(20)              NOT NULL,
    version            INTEGER                  NOT NULL,
    detail             VARCHAR(4000)            NOT NULL,
    actor_id           VARCHAR(128)             NOT NULL,
    actor_role         VARCHAR(20)              NOT NULL,
    actor_organisation VARCHAR(128)             NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_rm_fulfilment_step PRIMARY KEY (engagement_id, sequence_number)
);

CREATE TABLE rm_capability_target (
    engagement_id     VARCHAR(64)  NOT NULL,
    target_id         VARCHAR(64)  NOT NULL,
    capability        VARCHAR(200) NOT NULL,
    recipient_team    VARCHAR(200) NOT NULL,
    baseline_level    INTEGER      NOT NULL,
    target_level      INTEGER      NOT NULL,
    assessed_level    INTEGER,
    assessed_sequence BIGINT,
    defined_sequence  BIGINT       NOT NULL,
    CONSTRAINT pk_rm_capability_target PRIMARY KEY (engagement_id, target_id)
);

CREATE TABLE rm_cost_line (
    engagement_id      VARCHAR(64)              NOT NULL,
    sequence_number    BIGINT                   NOT NULL,
    cost_line_id       VARCHAR(64)              NOT NULL,
    kind               VARCHAR(10)              NOT NULL,
    line_date          DATE                     NOT NULL,
    person             VARCHAR(200),
    person_role        VARCHAR(200),
    hours              NUMERIC(6, 2),
    hourly_rate        NUMERIC(19, 4),
    description        VARCHAR(4000),
    category           VARCHAR(30)              NOT NULL,
    requirement_id     VARCHAR(64),
    currency           VARCHAR(3)               NOT NULL,
    amount             NUMERIC(19, 4)           NOT NULL,
    running_total      NUMERIC(19, 4)           NOT NULL,
    actor_id           VARCHAR(128)             NOT NULL,
    actor_role         VARCHAR(20)              NOT NULL,
    actor_organisation VARCHAR(128)             NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_rm_cost_line PRIMARY KEY (engagement_id, sequence_number)
);

CREATE TABLE rm_invoice (
    engagement_id                  VARCHAR(64)    NOT NULL,
    invoice_id                     VARCHAR(64)    NOT NULL,
    issued                         DATE           NOT NULL,
    currency                       VARCHAR(3)     NOT NULL,
    amount                         NUMERIC(19, 4) NOT NULL,
    status                         VARCHAR(20)    NOT NULL,
    backed_by_accepted_deliverable BOOLEAN        NOT NULL,
    registered_sequence            BIGINT         NOT NULL,
    last_sequence                  BIGINT         NOT NULL,
    CONSTRAINT pk_rm_invoice PRIMARY KEY (engagement_id, invoice_id)
);
