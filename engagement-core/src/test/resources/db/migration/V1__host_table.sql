-- A Spring Boot host's own Flyway migration (Spring Boot's default location): the Spring tests check
-- that it runs first and that the ledger's migrations, with their own history table, coexist with it.
CREATE TABLE host_note (
    id   BIGINT PRIMARY KEY,
    text VARCHAR(255) NOT NULL
);
