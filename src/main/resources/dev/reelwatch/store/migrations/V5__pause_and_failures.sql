-- Schema version V5 (issue 15): an account can be paused (not polled; its cached tasks stay browsable), and
-- failed tasks are grouped by provider and error code, which reads failed tasks by account and time.

ALTER TABLE accounts ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;

CREATE INDEX tasks_failed_by_account ON tasks (status, account_id, completed_at);
