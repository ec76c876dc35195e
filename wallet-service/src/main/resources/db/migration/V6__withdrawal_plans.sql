-- The wallet plans a withdrawal's one transaction (coins, outputs, fee) without private keys; the
-- signer (blockchain-broadcaster) signs exactly that plan. Stored once, as JSON, before anyone signs.
alter table withdrawals add column plan text;
-- When the transaction was flagged STUCK (unconfirmed for longer than expected), for operators.
alter table withdrawals add column stuck_at timestamptz;
-- A signed transaction is only ever recorded for a planned withdrawal.
alter table withdrawals add constraint withdrawals_signed_as_planned check (raw_tx is null or plan is not null) not valid;
