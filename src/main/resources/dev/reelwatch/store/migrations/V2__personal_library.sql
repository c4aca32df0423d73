-- Schema version 2: the personal library — stars, a note and tags per task.

ALTER TABLE tasks ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;

ALTER TABLE tasks ADD COLUMN note TEXT;

CREATE TABLE task_tags (
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL,
    PRIMARY KEY (task_id, tag)
);

CREATE INDEX task_tags_by_tag ON task_tags (tag, task_id);

CREATE INDEX tasks_starred ON tasks (starred, created_at DESC, id DESC);
