-- Orders. One per auction (source 'auction', keyed by its listing id): settlement may ask again after a
-- crash and gets the same order back. Amounts are koinu.
CREATE TABLE orders (
  id          text PRIMARY KEY,
  source      text NOT NULL CHECK (source IN ('auction')),
  listing_id  text NOT NULL CHECK (length(listing_id) BETWEEN 1 AND 64),
  buyer_id    text NOT NULL,
  seller_id   text NOT NULL CHECK (seller_id <> buyer_id),
  price       bigint NOT NULL CHECK (price > 0),
  status      text NOT NULL CHECK (status IN ('PAID_IN_ESCROW')),
  created_at  timestamptz NOT NULL,
  UNIQUE (source, listing_id)
);
CREATE INDEX orders_by_buyer ON orders (buyer_id, created_at DESC);
CREATE INDEX orders_by_seller ON orders (seller_id, created_at DESC);
