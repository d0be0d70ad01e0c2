-- Live OCSP responder answers (SPEC §4.4), one row per distinct leaf queried for an endpoint.
-- The raw body is kept so that assessment and re-assessment verify it offline.

CREATE TABLE ss_responder_answer (
    run_id          BIGINT        NOT NULL,
    line            BIGINT        NOT NULL,
    seq             INT           NOT NULL, -- order within the observation
    url             VARCHAR(2000) NOT NULL,
    serial          VARCHAR(100)  NOT NULL, -- the leaf's serial, upper-case hex
    issuer_key_hash VARCHAR(64)   NOT NULL, -- '' when the issuer was unknown
    outcome         VARCHAR(32)   NOT NULL,
    http_status     INT           NOT NULL, -- -1 without an HTTP response
    body            BYTEA,                  -- NULL without a body (BYTEA: see V2)
    queried_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    elapsed_ms      BIGINT        NOT NULL, -- -1 when not queried
    error           VARCHAR(8000),
    PRIMARY KEY (run_id, line, seq)
);
