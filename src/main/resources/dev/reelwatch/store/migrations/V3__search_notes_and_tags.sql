-- Schema version 3: full-text search also covers each task's note and tags.
-- The index keeps its own copy of the text (tags live in another table, so it cannot borrow the tasks
-- table's columns); triggers on tasks and task_tags keep it current. Row id = task id.

DROP TRIGGER tasks_fts_after_insert;

DROP TRIGGER tasks_fts_after_delete;

DROP TRIGGER tasks_fts_after_update;

DROP TABLE tasks_fts;

CREATE VIRTUAL TABLE tasks_fts USING fts5 (
    provider_task_id, prompt, model, note, tags,
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co So'"
);

INSERT INTO tasks_fts (rowid, provider_task_id, prompt, model, note, tags)
SELECT t.id, t.provider_task_id, t.prompt, t.model, t.note,
       (SELECT group_concat(g.tag, ' ') FROM task_tags g WHERE g.task_id = t.id)
FROM tasks t;

CREATE TRIGGER tasks_fts_after_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_fts (rowid, provider_task_id, prompt, model, note, tags)
    VALUES (new.id, new.provider_task_id, new.prompt, new.model, new.note,
            (SELECT group_concat(g.tag, ' ') FROM task_tags g WHERE g.task_id = new.id));
END;

CREATE TRIGGER tasks_fts_after_delete AFTER DELETE ON tasks BEGIN
    DELETE FROM tasks_fts WHERE rowid = old.id;
END;

CREATE TRIGGER tasks_fts_after_update AFTER UPDATE OF provider_task_id, prompt, model, note ON tasks BEGIN
    DELETE FROM tasks_fts WHERE rowid = old.id;
    INSERT INTO tasks_fts (rowid, provider_task_id, prompt, model, note, tags)
    VALUES (new.id, new.provider_task_id, new.prompt, new.model, new.note,
            (SELECT group_concat(g.tag, ' ') FROM task_tags g WHERE g.task_id = new.id));
END;

-- A tag added or removed re-indexes its task; a task already deleted (cascade) selects nothing.
CREATE TRIGGER tasks_fts_after_tag_insert AFTER INSERT ON task_tags BEGIN
    DELETE FROM tasks_fts WHERE rowid = new.task_id;
    INSERT INTO tasks_fts (rowid, provider_task_id, prompt, model, note, tags)
    SELECT t.id, t.provider_task_id, t.prompt, t.model, t.note,
           (SELECT group_concat(g.tag, ' ') FROM task_tags g WHERE g.task_id = t.id)
    FROM tasks t WHERE t.id = new.task_id;
END;

CREATE TRIGGER tasks_fts_after_tag_delete AFTER DELETE ON task_tags BEGIN
    DELETE FROM tasks_fts WHERE rowid = old.task_id;
    INSERT INTO tasks_fts (rowid, provider_task_id, prompt, model, note, tags)
    SELECT t.id, t.provider_task_id, t.prompt, t.model, t.note,
           (SELECT group_concat(g.tag, ' ') FROM task_tags g WHERE g.task_id = t.id)
    FROM tasks t WHERE t.id = old.task_id;
END;
