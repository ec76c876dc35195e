-- One row per auction (addressed by its listing id): the state the aggregate is restored from.
-- Amounts are koinu. The row is locked once per batch of bids (group commit), not once per bid.
CREATE TABLE auctions (
  listing_id        text PRIMARY KEY CHECK (length(listing_id) BETWEEN 1 AND 64),
  seller_id         text NOT NULL,
  start_price       bigint NOT NULL CHECK (start_price > 0),
  reserve_price     bigint CHECK (reserve_price >= start_price),
  buy_it_now_price  bigint CHECK (buy_it_now_price > start_price),
  starts_at         timestamptz NOT NULL,
  original_ends_at  timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL CHECK (ends_at >= original_ends_at),
  status            text NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
  leader_id         text,
  leader_max        bigint,
  current_price     bigint NOT NULL,
  bid_count         integer NOT NULL DEFAULT 0,
  last_sequence     bigint NOT NULL DEFAULT 0,
  winner_id         text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((leader_id IS NULL) = (leader_max IS NULL)),
  CHECK (leader_max IS NULL OR current_price <= leader_max)
);
CREATE INDEX auctions_active_by_end ON auctions (ends_at) WHERE status = 'ACTIVE';

-- Every accepted bid, in its auction's total order. Never updated or deleted.
CREATE TABLE bids (
  listing_id    text NOT NULL REFERENCES auctions (listing_id),
  sequence      bigint NOT NULL CHECK (sequence > 0),
  bidder_id     text NOT NULL,
  bidder_alias  text NOT NULL,
  max_bid       bigint NOT NULL CHECK (max_bid > 0),
  price_after   bigint NOT NULL,
  leader_after  text NOT NULL,
  placed_at     timestamptz NOT NULL,
  PRIMARY KEY (listing_id, sequence)
);
CREATE INDEX bids_by_bidder ON bids (bidder_id, listing_id);

-- The first answer to each (bidder, Idempotency-Key) on an auction, accepted or refused, written in
-- the same commit as the bid it answers: a repeat gets this answer back and never bids twice.
CREATE TABLE bid_requests (
  listing_id       text NOT NULL,
  bidder_id        text NOT NULL,
  idempotency_key  text NOT NULL,
  max_bid          bigint NOT NULL,
  answer           jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (listing_id, bidder_id, idempotency_key)
);
