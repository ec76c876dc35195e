-- A checkout in flight, keyed by the buyer's Idempotency-Key and committed before the listing's units
-- or the buyer's money move: the same key again answers the same order (DONE) or waits (PENDING), and
-- a crash between the steps is undone by the recovery sweep (a PENDING attempt a few minutes old
-- without its order gets its escrow refunded and its units given back: UNDONE).
CREATE TABLE checkout_attempt (
  order_id        text PRIMARY KEY,
  buyer_id        text NOT NULL,
  idempotency_key text NOT NULL,
  listing_id      text NOT NULL,
  quantity        int NOT NULL,
  status          text NOT NULL CHECK (status IN ('PENDING', 'DONE', 'UNDONE')),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  UNIQUE (buyer_id, idempotency_key)
);
CREATE INDEX checkout_attempt_pending ON checkout_attempt (created_at) WHERE status = 'PENDING';
