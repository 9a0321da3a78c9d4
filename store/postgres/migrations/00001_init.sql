-- +goose Up
CREATE TABLE blobs (
    hash       TEXT PRIMARY KEY,
    size       BIGINT NOT NULL,
    data       BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE stories (
    seq        BIGSERIAL PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL DEFAULT '',
    first_at   TIMESTAMPTZ,
    last_at    TIMESTAMPTZ,
    reports    INTEGER NOT NULL DEFAULT 0,
    cluster    TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX stories_updated ON stories(updated_at);

CREATE TABLE documents (
    seq        BIGSERIAL PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    key        TEXT NOT NULL UNIQUE,
    story_id   TEXT REFERENCES stories(id),
    source     TEXT NOT NULL,
    url        TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    outlet     TEXT NOT NULL DEFAULT '',
    published  TIMESTAMPTZ,
    blob_hash  TEXT NOT NULL REFERENCES blobs(hash),
    flags      TEXT[] NOT NULL DEFAULT '{}',
    text       TEXT NOT NULL DEFAULT '',
    extracted  BYTEA NOT NULL DEFAULT '',
    record     BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    tsv        TSVECTOR GENERATED ALWAYS AS (
                   setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', text), 'B')) STORED
);
CREATE INDEX documents_story ON documents(story_id, seq);
CREATE INDEX documents_tsv ON documents USING GIN (tsv);

CREATE TABLE revisions (
    id           BIGSERIAL PRIMARY KEY,
    document_id  TEXT NOT NULL REFERENCES documents(id),
    blob_hash    TEXT NOT NULL REFERENCES blobs(hash),
    content_type TEXT NOT NULL DEFAULT '',
    fetched_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (document_id, blob_hash)
);

CREATE TABLE accounts (
    story_id   TEXT PRIMARY KEY REFERENCES stories(id),
    version    INTEGER NOT NULL,
    json       BYTEA NOT NULL,
    html       BYTEA NOT NULL DEFAULT '',
    timelinejs BYTEA NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL DEFAULT '',
    built_at   TIMESTAMPTZ NOT NULL,
    build_ns   BIGINT NOT NULL DEFAULT 0,
    tsv        TSVECTOR GENERATED ALWAYS AS (
                   setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', text), 'B')) STORED
);
CREATE INDEX accounts_tsv ON accounts USING GIN (tsv);

CREATE TABLE jobs (
    id         BIGSERIAL PRIMARY KEY,
    kind       TEXT NOT NULL,
    state      TEXT NOT NULL,
    payload    BYTEA,
    result     BYTEA,
    error      TEXT NOT NULL DEFAULT '',
    attempts   INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX jobs_state ON jobs(state, id);

CREATE TABLE feeds (
    url         TEXT PRIMARY KEY,
    added_at    TIMESTAMPTZ NOT NULL,
    polled_at   TIMESTAMPTZ,
    last_error  TEXT NOT NULL DEFAULT '',
    reports     INTEGER NOT NULL DEFAULT 0
);

-- +goose Down
DROP TABLE feeds;
DROP TABLE jobs;
DROP TABLE accounts;
DROP TABLE revisions;
DROP TABLE documents;
DROP TABLE stories;
DROP TABLE blobs;
