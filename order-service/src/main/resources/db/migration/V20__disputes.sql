-- Disputes (#14, helper `disputes`). The order lifecycle (SHIPPED, shipped_at, ...) is the orders
-- helper's V2-V9; these statements are written so that they hold whether those ran first or not:
-- shipped_at only if missing, and the status check replaced by the whole team state machine.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS shipped_at timestamptz;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (
  'PAID_IN_ESCROW', 'SHIPPED', 'RECEIVED', 'COMPLETED', 'CANCELLED', 'DISPUTED', 'REFUNDED', 'SPLIT'));

-- One dispute per order. Amounts in koinu; buyer_percent has at most 2 decimals.
CREATE TABLE disputes (
  id              text PRIMARY KEY,
  order_id        text NOT NULL UNIQUE REFERENCES orders (id),
  buyer_id        text NOT NULL,
  seller_id       text NOT NULL,
  amount          bigint NOT NULL CHECK (amount > 0),
  reason          text NOT NULL CHECK (reason IN ('NOT_RECEIVED', 'NOT_AS_DESCRIBED')),
  description     text NOT NULL CHECK (length(description) <= 2000),
  status          text NOT NULL CHECK (status IN ('AWAITING_SELLER', 'ANSWERED', 'ESCALATED', 'RULED')),
  opened_at       timestamptz NOT NULL,
  answer_due_at   timestamptz NOT NULL,
  seller_answer   text CHECK (length(seller_answer) <= 2000),
  answered_at     timestamptz,
  escalated_at    timestamptz,
  escalated_by    text CHECK (escalated_by IN ('BUYER', 'SELLER', 'DEADLINE')),
  outcome         text CHECK (outcome IN ('REFUND', 'RELEASE', 'SPLIT')),
  buyer_percent   numeric(5, 2) CHECK (buyer_percent BETWEEN 0 AND 100),
  buyer_amount    bigint,
  seller_amount   bigint,
  fee             bigint,
  ruled_by        text,
  ruling_reason   text CHECK (length(ruling_reason) <= 2000),
  ruled_at        timestamptz,
  -- DisputeWorkflow's task tokens (from DisputeAwaitingSeller / DisputeEscalated) and the answer owed
  -- to each (sent with SendTaskSuccess once both are known; *_sent when done or no longer wanted).
  seller_token    text,
  seller_reply    text,
  seller_sent     boolean NOT NULL DEFAULT false,
  admin_token     text,
  admin_reply     text,
  admin_sent      boolean NOT NULL DEFAULT false,
  version         int NOT NULL DEFAULT 0
);
CREATE INDEX disputes_open ON disputes (status, opened_at) WHERE status <> 'RULED';
CREATE INDEX disputes_workflow_owed ON disputes (id)
  WHERE (seller_reply IS NOT NULL AND NOT seller_sent) OR (admin_reply IS NOT NULL AND NOT admin_sent);

-- Evidence: a text or an image (kept in the object store), each with its SHA-256 and time.
CREATE TABLE dispute_evidence (
  id            text PRIMARY KEY,
  dispute_id    text NOT NULL REFERENCES disputes (id),
  author_id     text NOT NULL,
  author_role   text NOT NULL CHECK (author_role IN ('BUYER', 'SELLER')),
  kind          text NOT NULL CHECK (kind IN ('TEXT', 'IMAGE')),
  body          text CHECK (length(body) <= 2000),
  object_key    text,
  content_type  text,
  size_bytes    bigint,
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_at    timestamptz NOT NULL,
  CHECK ((kind = 'TEXT' AND body IS NOT NULL) OR (kind = 'IMAGE' AND object_key IS NOT NULL))
);
CREATE INDEX dispute_evidence_by_dispute ON dispute_evidence (dispute_id, created_at);
