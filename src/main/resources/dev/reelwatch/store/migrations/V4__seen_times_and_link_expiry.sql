-- Schema version 4: Reelwatch's own "seen finished" time per task, who stated an output's link expiry, why an
-- output is refused, and when a server said its link was gone.

-- When Reelwatch first saw the task in a finished state: the only end time MoneyPrinterTurbo tasks have.
-- Earlier caches learn it from the timeline, whose events are stamped with our own clock.
ALTER TABLE tasks ADD COLUMN finished_seen_at INTEGER;

UPDATE tasks SET finished_seen_at = (SELECT min(e.at) FROM task_events e WHERE e.task_id = tasks.id
    AND e.to_status IN ('succeeded', 'failed', 'cancelled', 'expired'))
WHERE status IN ('succeeded', 'failed', 'cancelled', 'expired');

-- 'provider' or 'inferred'; NULL when the link has no known expiry. Only MeshAPI's expiry was ever inferred.
ALTER TABLE task_outputs ADD COLUMN expiry_source TEXT;

UPDATE task_outputs SET expiry_source = CASE
    WHEN (SELECT a.provider FROM tasks t JOIN accounts a ON a.id = t.account_id WHERE t.id = task_outputs.task_id)
        = 'meshapi' THEN 'inferred' ELSE 'provider' END
WHERE expires_at IS NOT NULL;

-- Why Reelwatch will not request the file (e.g. a server path outside the task's folder); NULL normally.
ALTER TABLE task_outputs ADD COLUMN refusal TEXT;

-- When a server's answer (401/403/404/410, an error page) said the link is gone.
ALTER TABLE task_outputs ADD COLUMN link_expired_at INTEGER;

-- Links marked expired by the clock alone, without a single request, get their attempt now.
UPDATE task_outputs SET archive_state = 'none', archive_error = NULL
WHERE archive_state = 'link_expired' AND archive_error LIKE 'The link expired at %';

-- The task list sorts by the provider's creation time, or by when Reelwatch first saw the task if it gave none.
CREATE INDEX tasks_by_sort_time ON tasks (coalesce(created_at, first_seen_at) DESC, id DESC);
CREATE INDEX tasks_by_status_sort_time ON tasks (status, coalesce(created_at, first_seen_at) DESC, id DESC);
CREATE INDEX tasks_by_account_sort_time ON tasks (account_id, coalesce(created_at, first_seen_at) DESC, id DESC);
