-- Signed digests of the hash chain (package org.engagementledger.integrity). Plain SQL that runs unchanged
-- on PostgreSQL and H2 2.x.
--
-- One row per digest, in issuing order. Each digest links to the one before it (previous_digest_hash is the
-- previous row's digest_hash, 64 zeros for the first); the unique keys keep the chain linear when two
-- issuers race. document is the digest's canonical JSON (RFC 8785), signature included; the other columns
-- repeat parts of it for queries. public_key is the base64 X.509 encoding of the Ed25519 key that signed it.
-- This table is for exporting: the evidence is the digest files handed to auditors.

CREATE TABLE ledger_digest (
    digest_sequence      BIGINT       NOT NULL,
    digest_hash          VARCHAR(64)  NOT NULL,
    previous_digest_hash VARCHAR(64)  NOT NULL,
    issued_at            VARCHAR(40)  NOT NULL,
    key_id               VARCHAR(64)  NOT NULL,
    public_key           VARCHAR(200) NOT NULL,
    tree_size            BIGINT       NOT NULL,
    root_hash            VARCHAR(64)  NOT NULL,
    document             TEXT         NOT NULL,
    CONSTRAINT pk_ledger_digest PRIMARY KEY (digest_sequence),
    CONSTRAINT uk_ledger_digest_hash UNIQUE (digest_hash),
    CONSTRAINT uk_ledger_digest_previous UNIQUE (previous_digest_hash)
);
