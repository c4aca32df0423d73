-- Rules that file and export finished work (issue 18): each rule, the record that it fired once for a task,
-- and a free-text detail on timeline entries so a rule's actions show in the task's timeline.

CREATE TABLE rules (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    name_key        TEXT    NOT NULL UNIQUE,
    enabled         INTEGER NOT NULL DEFAULT 1,
    when_statuses   TEXT    NOT NULL,
    account         TEXT,
    provider        TEXT,
    model           TEXT,
    prompt_contains TEXT,
    has_tag         TEXT,
    add_tags        TEXT    NOT NULL DEFAULT '',
    star            INTEGER NOT NULL DEFAULT 0,
    export_to       TEXT,
    name_template   TEXT,
    notify          INTEGER,
    created_at      INTEGER NOT NULL,
    active_since    INTEGER NOT NULL
);

CREATE TABLE rule_firings (
    rule_id      INTEGER NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
    task_id      INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    fired_at     INTEGER NOT NULL,
    export_state TEXT,
    export_path  TEXT,
    export_error TEXT,
    PRIMARY KEY (rule_id, task_id)
);

CREATE INDEX rule_firings_by_task ON rule_firings (task_id);

ALTER TABLE task_events ADD COLUMN detail TEXT;
