-- Where the deposit watcher continues after a restart: the next block height to scan. Rescanning
-- is harmless (deposits are keyed by txid:vout), so the cursor is saved after each pass.
create table chain_cursor (
  name        text        primary key,
  next_height bigint      not null,
  updated_at  timestamptz not null default now()
);
