-- Keys of personal data (package org.engagementledger.privacy), kept apart from the events: an event holds only
-- the ciphertext of a personal field and the random id of the key that encrypted it. Plain SQL that runs
-- unchanged on PostgreSQL and H2 2.x.
--
-- One row per live key: at most one per data subject. Erasing a subject deletes its row; without the key
-- material its ciphertexts can no longer be decrypted (crypto-shredding). key_id is a random UUID that says
-- nothing about the subject; subject_id is the host's pseudonym for the subject; key_material is the 32-byte
-- AES-256 key; created_at is ISO-8601 UTC text.

CREATE TABLE ledger_personal_data_key (
    key_id       VARCHAR(36) NOT NULL,
    subject_id   VARCHAR(64) NOT NULL,
    key_material BYTEA       NOT NULL,
    created_at   VARCHAR(40) NOT NULL,
    CONSTRAINT pk_ledger_personal_data_key PRIMARY KEY (key_id),
    CONSTRAINT uk_ledger_personal_data_key_subject UNIQUE (subject_id)
);

-- Which subject's key was used in which engagement, so that an erasure finds every engagement to record it in.
-- Written when a personal value is encrypted, in a transaction of its own, so it may name an engagement whose
-- write then rolled back (an erasure skips those). Rows are never deleted: they repeat what the events hold.
CREATE TABLE ledger_personal_data_use (
    subject_id    VARCHAR(64)  NOT NULL,
    engagement_id VARCHAR(255) NOT NULL,
    CONSTRAINT pk_ledger_personal_data_use PRIMARY KEY (subject_id, engagement_id)
);
