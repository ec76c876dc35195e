-- Buy It Now and a seller's early end finish an auction before its scheduled end.
ALTER TABLE auctions DROP CONSTRAINT IF EXISTS auctions_ends_at_check;

-- Bidders whose wallet hold on an auction may not match what the auction says it must be (their
-- maximum while they lead, nothing otherwise): written before a hold is changed and removed once
-- the wallet agrees. A crash in between leaves the row, and the reconciler puts the hold right.
CREATE TABLE hold_sync (
  listing_id  text NOT NULL,
  bidder_id   text NOT NULL,
  since       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (listing_id, bidder_id)
);
CREATE INDEX hold_sync_by_age ON hold_sync (since);
