-- A staff account can be disabled (./polisi forms user disable): it cannot sign in and its sessions
-- are ended at once; enable undoes it. Each change is appended to the staff account chain
-- (StaffAccountHistory.DISABLED), so verify names an account disabled or enabled behind Polisi's back.
ALTER TABLE staff_user ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));
