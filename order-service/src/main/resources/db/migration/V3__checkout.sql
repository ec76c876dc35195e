-- Orders of fixed-price listings (checkout, accepted Best Offer): many per listing, so the one-order
-- rule holds for auctions only. What was bought: quantity, shipping service and cost (koinu), and
-- where it goes (the buyer's shipping address, JSON). price is the items' price (unit price x
-- quantity); the escrow holds price + shipping_cost.
ALTER TABLE orders DROP CONSTRAINT orders_source_listing_id_key;
CREATE UNIQUE INDEX orders_one_per_auction ON orders (listing_id) WHERE source = 'auction';
CREATE INDEX orders_by_listing ON orders (listing_id);

ALTER TABLE orders
  ADD COLUMN quantity         int NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ADD COLUMN shipping_service text,
  ADD COLUMN shipping_cost    bigint NOT NULL DEFAULT 0 CHECK (shipping_cost >= 0),
  ADD COLUMN shipping_address text;
