-- +goose Up
CREATE TABLE blobs (
    hash       TEXT PRIMARY KEY,
    size       INTEGER NOT NULL,
    data       BLOB NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE stories (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL DEFAULT '',
    first_at   TEXT NOT NULL DEFAULT '',
    last_at    TEXT NOT NULL DEFAULT '',
    reports    INTEGER NOT NULL DEFAULT 0,
    cluster    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX stories_updated ON stories(updated_at);

CREATE TABLE documents (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,
    key        TEXT NOT NULL UNIQUE,
    story_id   TEXT REFERENCES stories(id),
    source     TEXT NOT NULL,
    url        TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    outlet     TEXT NOT NULL DEFAULT '',
    published  TEXT NOT NULL DEFAULT '',
    blob_hash  TEXT NOT NULL REFERENCES blobs(hash),
    flags      TEXT NOT NULL DEFAULT '',
    extracted  BLOB NOT NULL DEFAULT '',
    record     BLOB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX documents_story ON documents(story_id, seq);

CREATE TABLE revisions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  TEXT NOT NULL REFERENCES documents(id),
    blob_hash    TEXT NOT NULL REFERENCES blobs(hash),
    content_type TEXT NOT NULL DEFAULT '',
    fetched_at   TEXT NOT NULL,
    UNIQUE (document_id, blob_hash)
);

CREATE TABLE accounts (
    story_id   TEXT PRIMARY KEY REFERENCES stories(id),
    version    INTEGER NOT NULL,
    json       BLOB NOT NULL,
    html       BLOB NOT NULL DEFAULT '',
    timelinejs BLOB NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    built_at   TEXT NOT NULL,
    build_ns   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE jobs (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,
    state      TEXT NOT NULL,
    payload    BLOB,
    result     BLOB,
    error      TEXT NOT NULL DEFAULT '',
    attempts   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX jobs_state ON jobs(state, id);

CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, text);
CREATE VIRTUAL TABLE accounts_fts USING fts5(story_id UNINDEXED, title, text);

-- +goose Down
DROP TABLE accounts_fts;
DROP TABLE documents_fts;
DROP TABLE jobs;
DROP TABLE accounts;
DROP TABLE revisions;
DROP TABLE documents;
DROP TABLE stories;
DROP TABLE blobs;
