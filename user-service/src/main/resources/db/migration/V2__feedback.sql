-- Feedback (#14). user-service learns that an order finished from order-service's events
-- (OrderCompleted, DisputeRuled), which carry both parties: a feedback needs no call to order-service.
create table feedback_orders (
  order_id     varchar(64) primary key,
  buyer_id     varchar(64) not null,
  seller_id    varchar(64) not null,
  finished_at  timestamptz not null
);

-- One feedback per order and side. Detailed ratings (1-5) only from the buyer about the seller; they are
-- shown as averages and never counted in the score.
create table feedback (
  id                 uuid primary key,
  order_id           varchar(64) not null references feedback_orders (order_id),
  from_user          varchar(64) not null,
  to_user            varchar(64) not null,
  from_role          varchar(6)  not null check (from_role in ('BUYER', 'SELLER')),
  rating             varchar(8)  not null check (rating in ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
  comment            varchar(500) not null,
  item_as_described  smallint check (item_as_described between 1 and 5),
  communication      smallint check (communication between 1 and 5),
  shipping_time      smallint check (shipping_time between 1 and 5),
  shipping_cost      smallint check (shipping_cost between 1 and 5),
  created_at         timestamptz not null,
  unique (order_id, from_user)
);
create index feedback_to_user on feedback (to_user, created_at desc);
