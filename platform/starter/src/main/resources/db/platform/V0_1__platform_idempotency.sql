-- Idempotency-Key records (platform). One row per (user scope, key): the first request claims it,
-- its response is stored when it finishes, and repeats replay that response.
CREATE TABLE platform_idempotency (
    scope                 TEXT        NOT NULL,
    idem_key              TEXT        NOT NULL,
    fingerprint           TEXT        NOT NULL,
    state                 TEXT        NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    response_status       INTEGER,
    response_content_type TEXT,
    response_body         BYTEA,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at          TIMESTAMPTZ,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX platform_idempotency_created_at ON platform_idempotency (created_at);
