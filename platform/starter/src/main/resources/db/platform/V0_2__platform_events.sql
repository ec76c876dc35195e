-- Transactional outbox (platform): events are written in the producer's own transaction and
-- published afterwards by the relay, in seq order.
CREATE TABLE platform_outbox (
    seq          BIGSERIAL   PRIMARY KEY,
    event_id     TEXT        NOT NULL UNIQUE,
    source       TEXT        NOT NULL,
    detail_type  TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    detail       TEXT        NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX platform_outbox_unpublished ON platform_outbox (seq) WHERE published_at IS NULL;

-- Events a consumer has handled, written in the consumer's transaction: a redelivery finds its
-- row and is skipped, so at-least-once delivery has an exactly-once effect.
CREATE TABLE platform_processed_events (
    subscriber   TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (subscriber, event_id)
);
