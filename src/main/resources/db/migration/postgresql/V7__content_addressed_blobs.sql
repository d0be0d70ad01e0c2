-- Certificates, staples and responder answers stored once by content (issue 9): each distinct byte
-- string once in ss_blob under its SHA-256, rows refer to it by that hash. ss_run_blob lists the
-- blobs each run refers to, so pruning a run deletes the blobs no other run needs.
-- The H2 and PostgreSQL scripts differ only in the hash function: PostgreSQL sha256(x), H2 HASH(SHA-256, x).
-- No apostrophes in comments: the script splitter reads them as string quotes.

CREATE TABLE ss_blob (
    hash  BYTEA NOT NULL PRIMARY KEY, -- SHA-256 of bytes, 32 bytes
    bytes BYTEA NOT NULL              -- one DER certificate, a staple or a responder answer body
);

CREATE TABLE ss_run_blob (
    run_id BIGINT NOT NULL,
    hash   BYTEA  NOT NULL,
    PRIMARY KEY (run_id, hash)
);
-- The pruner asks whether any run still refers to a blob; the foreign key uses the same index.
CREATE INDEX ss_run_blob_hash ON ss_run_blob (hash);
ALTER TABLE ss_run_blob ADD CONSTRAINT ss_run_blob_blob FOREIGN KEY (hash) REFERENCES ss_blob (hash);

-- chain_refs: the hashes of the certificates, leaf first, concatenated (32 bytes each); NULL when
-- no chain was received. A row stored before this version has one hash, of its whole chain as it
-- was stored then (the DER certificates concatenated), and reads back the same list.
ALTER TABLE ss_handshake ADD COLUMN chain_refs BYTEA;
ALTER TABLE ss_handshake ADD COLUMN staple_ref BYTEA;        -- NULL when the server stapled nothing
ALTER TABLE ss_responder_answer ADD COLUMN body_ref BYTEA;   -- NULL without a body

-- Existing bytes move to ss_blob (UNION keeps each distinct value once), rows get their hashes.
INSERT INTO ss_blob (hash, bytes)
SELECT sha256(b), b FROM (
    SELECT chain AS b FROM ss_handshake WHERE chain IS NOT NULL
    UNION SELECT staple FROM ss_handshake WHERE staple IS NOT NULL
    UNION SELECT body FROM ss_responder_answer WHERE body IS NOT NULL
) existing;
UPDATE ss_handshake SET chain_refs = sha256(chain), staple_ref = sha256(staple)
WHERE chain IS NOT NULL OR staple IS NOT NULL;
UPDATE ss_responder_answer SET body_ref = sha256(body) WHERE body IS NOT NULL;
INSERT INTO ss_run_blob (run_id, hash)
SELECT run_id, chain_refs FROM ss_handshake WHERE chain_refs IS NOT NULL
UNION SELECT run_id, staple_ref FROM ss_handshake WHERE staple_ref IS NOT NULL
UNION SELECT run_id, body_ref FROM ss_responder_answer WHERE body_ref IS NOT NULL;

ALTER TABLE ss_handshake DROP COLUMN chain;
ALTER TABLE ss_handshake DROP COLUMN staple;
ALTER TABLE ss_responder_answer DROP COLUMN body;
