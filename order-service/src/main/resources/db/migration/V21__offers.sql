-- Best Offer (#14): a buyer's offer on a fixed-price listing, held in the wallet (hold 'offer-<id>')
-- while OPEN or COUNTERED. Amounts are koinu per unit; the hold covers the unit price on the table x
-- quantity + shipping_cost. hold_open: the wallet may still hold funds for it (the sweep releases
-- those of ended offers). PENDING and FAILED are the bookkeeping around placing the hold.
CREATE TABLE offers (
  id               text PRIMARY KEY,
  listing_id       text NOT NULL,
  buyer_id         text NOT NULL,
  seller_id        text NOT NULL CHECK (seller_id <> buyer_id),
  quantity         int NOT NULL CHECK (quantity > 0),
  amount           bigint NOT NULL CHECK (amount > 0),
  counter_amount   bigint CHECK (counter_amount > 0),
  shipping_service text,
  shipping_cost    bigint NOT NULL CHECK (shipping_cost >= 0),
  shipping_address text,
  message          text CHECK (length(message) <= 500),
  status           text NOT NULL CHECK (status IN ('PENDING', 'OPEN', 'COUNTERED', 'ACCEPTING',
                     'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN', 'VOID', 'FAILED')),
  expires_at       timestamptz,
  order_id         text UNIQUE,
  accepted_by      text,
  end_reason       text,
  hold_open        boolean NOT NULL,
  idempotency_key  text NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  UNIQUE (buyer_id, idempotency_key)
);
CREATE INDEX offers_by_buyer ON offers (buyer_id, created_at DESC);
CREATE INDEX offers_by_seller ON offers (seller_id, created_at DESC);
CREATE INDEX offers_by_listing_buyer ON offers (listing_id, buyer_id);
-- The sweep's work: open offers by expiry, unfinished acceptances and holds still to release.
CREATE INDEX offers_due ON offers (expires_at) WHERE status IN ('OPEN', 'COUNTERED');
CREATE INDEX offers_unfinished ON offers (updated_at)
  WHERE status IN ('PENDING', 'ACCEPTING') OR hold_open;

-- Each answer's Idempotency-Key (accept, decline, counter, withdraw): the same key again answers the
-- offer as it is now, a key used for another step is refused.
CREATE TABLE offer_steps (
  actor_id        text NOT NULL,
  idempotency_key text NOT NULL,
  offer_id        text NOT NULL REFERENCES offers (id),
  step            text NOT NULL,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (actor_id, idempotency_key)
);
