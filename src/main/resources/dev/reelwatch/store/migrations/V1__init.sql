-- Reelwatch cache, schema version 1: accounts, tasks with outputs and timeline, full-text search, settings.
-- Statements end with ';' at the end of a line; trigger bodies end with 'END;'.

CREATE TABLE accounts (
    id                INTEGER PRIMARY KEY,
    provider          TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    name_key          TEXT    NOT NULL UNIQUE,
    base_url          TEXT    NOT NULL,
    credential_source TEXT    NOT NULL,
    credential_name   TEXT    NOT NULL,
    enabled           INTEGER NOT NULL DEFAULT 1,
    demo              INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE account_health (
    account_id         INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    last_success       INTEGER,
    last_attempt       INTEGER,
    last_error_kind    TEXT,
    last_error_message TEXT,
    next_poll          INTEGER,
    syncing            INTEGER NOT NULL DEFAULT 0,
    counts             TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE tasks (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    provider_task_id TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    provider_status  TEXT    NOT NULL,
    progress         INTEGER,
    prompt           TEXT,
    model            TEXT,
    created_at       INTEGER,
    updated_at       INTEGER,
    started_at       INTEGER,
    completed_at     INTEGER,
    duration_ms      INTEGER,
    resolution       TEXT,
    aspect_ratio     TEXT,
    fps              REAL,
    seed             INTEGER,
    thumbnail_url    TEXT,
    error_code       TEXT,
    error_message    TEXT,
    cost_amount      TEXT,
    cost_unit        TEXT,
    cost_currency    TEXT,
    eta_seconds      INTEGER,
    poll_after_ms    INTEGER,
    parameters_json  TEXT    NOT NULL DEFAULT '{}',
    raw_json         TEXT    NOT NULL DEFAULT '{}',
    fingerprint      TEXT    NOT NULL,
    on_provider      INTEGER NOT NULL DEFAULT 1,
    first_seen_at    INTEGER NOT NULL,
    last_synced_at   INTEGER NOT NULL,
    UNIQUE (account_id, provider_task_id)
);

-- The table view sorts newest first and filters by status, account and model.
CREATE INDEX tasks_by_created ON tasks (created_at DESC, id DESC);
CREATE INDEX tasks_by_status ON tasks (status, created_at DESC, id DESC);
CREATE INDEX tasks_by_account ON tasks (account_id, created_at DESC, id DESC);
CREATE INDEX tasks_by_model ON tasks (model, created_at DESC, id DESC);

CREATE TABLE task_outputs (
    id               INTEGER PRIMARY KEY,
    task_id          INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    url              TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    expires_at       INTEGER,
    bytes            INTEGER,
    sha256           TEXT,
    mime_type        TEXT,
    requires_auth    INTEGER NOT NULL DEFAULT 0,
    archive_state    TEXT    NOT NULL DEFAULT 'none',
    local_path       TEXT,
    local_bytes      INTEGER,
    local_sha256     TEXT,
    download_percent INTEGER,
    archive_error    TEXT,
    UNIQUE (task_id, idx)
);

CREATE INDEX task_outputs_by_archive_state ON task_outputs (archive_state, expires_at);

CREATE TABLE task_events (
    id              INTEGER PRIMARY KEY,
    task_id         INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    at              INTEGER NOT NULL,
    from_status     TEXT,
    to_status       TEXT    NOT NULL,
    provider_status TEXT
);

CREATE INDEX task_events_by_task ON task_events (task_id, at, id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Full-text search over prompt, model and the provider's id. Emoji (category So) count as word characters
-- so they can be searched for; '-' separates words, and ids are found by matching their parts as a phrase.
CREATE VIRTUAL TABLE tasks_fts USING fts5 (
    provider_task_id, prompt, model,
    content = 'tasks', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co So'"
);

CREATE TRIGGER tasks_fts_after_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_fts (rowid, provider_task_id, prompt, model)
    VALUES (new.id, new.provider_task_id, new.prompt, new.model);
END;

CREATE TRIGGER tasks_fts_after_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, provider_task_id, prompt, model)
    VALUES ('delete', old.id, old.provider_task_id, old.prompt, old.model);
END;

CREATE TRIGGER tasks_fts_after_update AFTER UPDATE OF provider_task_id, prompt, model ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, provider_task_id, prompt, model)
    VALUES ('delete', old.id, old.provider_task_id, old.prompt, old.model);
    INSERT INTO tasks_fts (rowid, provider_task_id, prompt, model)
    VALUES (new.id, new.provider_task_id, new.prompt, new.model);
END;
