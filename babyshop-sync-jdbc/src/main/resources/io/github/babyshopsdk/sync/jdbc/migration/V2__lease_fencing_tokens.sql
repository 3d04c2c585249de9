-- Fencing tokens for flow leases (issue 10). Every acquisition of a lease sets token to the previous token
-- plus one; a release keeps the row (released = TRUE) so that tokens never go back. A state transaction of a
-- flow run reads its lease row FOR UPDATE and goes on only while the row still carries the run's token and
-- is not released.
ALTER TABLE ${prefix}lease ADD COLUMN token BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ${prefix}lease ADD COLUMN released BOOLEAN DEFAULT FALSE NOT NULL;
