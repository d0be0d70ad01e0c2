-- The compliance control ID the run's policy maps a finding's code to ('' when none), so reports
-- show it without the policy file at hand (the file may have changed or gone since the run).
ALTER TABLE ss_finding ADD COLUMN control VARCHAR(200) NOT NULL DEFAULT '';
