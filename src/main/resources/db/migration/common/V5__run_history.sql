-- No apostrophes in comments: the script splitter reads them as string quotes.
-- Run history for scheduled audits (issue 5): which job definition started a run, why a run
-- failed, when its details were pruned, and a per-run summary that outlives pruning.

ALTER TABLE ss_run ADD COLUMN job VARCHAR(200);          -- job definition name; NULL for a hand-started scan
ALTER TABLE ss_run ADD COLUMN failure_kind VARCHAR(20);  -- INPUT (will not go away), ERROR, STOPPED, ABANDONED
ALTER TABLE ss_run ADD COLUMN failure VARCHAR(2000);     -- the reason, for the operator
ALTER TABLE ss_run ADD COLUMN pruned_at TIMESTAMP WITH TIME ZONE; -- details deleted by retention
CREATE INDEX ss_run_input ON ss_run (input, id);
CREATE INDEX ss_run_job ON ss_run (job, id);

-- Headline figures of a completed run, written when it completes; kept when retention deletes
-- the targets, observations, handshakes, assessments, findings and rejections.
CREATE TABLE ss_run_summary (
    run_id            BIGINT NOT NULL PRIMARY KEY REFERENCES ss_run (id),
    endpoints         BIGINT NOT NULL,
    reachable         BIGINT NOT NULL,
    stapling          BIGINT NOT NULL,
    valid_staples     BIGINT NOT NULL,
    verdict_pass      BIGINT NOT NULL,
    verdict_warn      BIGINT NOT NULL,
    verdict_fail      BIGINT NOT NULL,
    verdict_error     BIGINT NOT NULL,
    findings_critical BIGINT NOT NULL,
    findings_high     BIGINT NOT NULL,
    findings_medium   BIGINT NOT NULL,
    findings_low      BIGINT NOT NULL,
    findings_info     BIGINT NOT NULL,
    rejections        BIGINT NOT NULL,
    duplicates        BIGINT NOT NULL
);

-- One row per job definition that has ever run. A process running the job holds a row lock on
-- its row (SELECT ... FOR UPDATE NOWAIT in an open transaction) for the whole run, so two
-- processes sharing a database never run the same job at once. The database drops the lock when
-- the connection of the holder ends, even after kill -9.
CREATE TABLE ss_job_lock (
    job VARCHAR(200) NOT NULL PRIMARY KEY
);
