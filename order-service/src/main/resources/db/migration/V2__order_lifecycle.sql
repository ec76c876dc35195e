-- The order lifecycle (orders issue #14): shipping, receipt, completion, cancellation, and the other
-- sources of an order (Buy It Now, fixed-price checkout, accepted Best Offer). Amounts are koinu.
-- The status check is named so that a later migration (disputes) replaces it the same way.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
  CHECK (status IN ('PAID_IN_ESCROW', 'SHIPPED', 'RECEIVED', 'COMPLETED', 'CANCELLED'));
ALTER TABLE orders DROP CONSTRAINT orders_source_check;
ALTER TABLE orders ADD CONSTRAINT orders_source_check
  CHECK (source IN ('auction', 'buy_it_now', 'fixed_price', 'offer'));

ALTER TABLE orders
  ADD COLUMN carrier         text CHECK (length(carrier) BETWEEN 1 AND 40),
  ADD COLUMN tracking_number text CHECK (length(tracking_number) BETWEEN 1 AND 64),
  ADD COLUMN shipped_at      timestamptz,
  ADD COLUMN received_at     timestamptz,
  ADD COLUMN completed_at    timestamptz,
  ADD COLUMN cancelled_at    timestamptz,
  -- What the wallet paid out when it released the escrow: to the seller, and the platform fee.
  ADD COLUMN seller_amount   bigint CHECK (seller_amount >= 0),
  ADD COLUMN fee             bigint CHECK (fee >= 0);

-- The auto-release sweep: shipped orders by shipment time.
CREATE INDEX orders_shipped ON orders (shipped_at) WHERE status = 'SHIPPED';
