-- +goose Up
CREATE TABLE feeds (
    url         TEXT PRIMARY KEY,
    added_at    TEXT NOT NULL,
    polled_at   TEXT NOT NULL DEFAULT '',
    last_error  TEXT NOT NULL DEFAULT '',
    reports     INTEGER NOT NULL DEFAULT 0
);

-- +goose Down
DROP TABLE feeds;
