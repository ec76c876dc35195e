-- Units of fixed-price listings taken by orders (checkout, accepted Best Offer), one row per order:
-- order-service asks again after a crash and gets the same purchase back, and a purchase it undoes
-- (its payment failed) goes back on sale exactly once (RESERVED -> RELEASED). Prices in koinu.
create table listing_purchase (
  order_id         varchar(64) primary key,
  listing_id       uuid not null references listing (id),
  buyer_id         varchar(64) not null,
  quantity         int not null check (quantity > 0),
  unit_price       bigint not null check (unit_price > 0),
  shipping_service varchar(60),
  shipping_cost    bigint not null check (shipping_cost >= 0),
  status           varchar(10) not null check (status in ('RESERVED', 'RELEASED')),
  created_at       timestamptz not null,
  released_at      timestamptz
);
create index listing_purchase_listing on listing_purchase (listing_id);
