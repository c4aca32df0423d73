-- Schema version 7: how many listed items an account's last listing could not read (skipped, never stored),
-- so the sidebar and status bar can say "2 tasks could not be read" after a restart too.

ALTER TABLE account_health ADD COLUMN unreadable_items INTEGER NOT NULL DEFAULT 0;
