-- The wallet's ledger. Money is bigint koinu (1 DOGE = 100,000,000 koinu).
-- Every posting's entries sum to zero; an account's balance is the sum of its entries; the
-- accounts table is a snapshot of those sums kept in the same transaction for speed, and the
-- audit (GET /api/v1/wallet/internal/audit) verifies it against the entries.

create table accounts (
  owner   text   not null,               -- a user id, or 'platform'
  kind    text   not null,               -- AVAILABLE, HELD, ESCROW, HOT_WALLET, PENDING_DEPOSITS, WITHDRAWALS_IN_FLIGHT, FEES
  balance bigint not null default 0,
  primary key (owner, kind),
  -- The last line of defence behind the conditional updates: only the mirror of the on-chain
  -- custody may be negative.
  constraint accounts_never_negative check (kind = 'HOT_WALLET' or balance >= 0)
);

create table postings (
  id         bigint generated always as identity primary key,
  type       text        not null,
  reference  text        not null,        -- hold:<ref>, order:<id>, withdrawal:<id>, deposit:<txid>:<vout>
  caller     text        not null,
  created_at timestamptz not null default now()
);

create table entries (
  id            bigint generated always as identity primary key,
  posting_id    bigint not null references postings (id),
  owner         text   not null,
  kind          text   not null,
  amount        bigint not null check (amount <> 0),
  balance_after bigint not null,
  foreign key (owner, kind) references accounts (owner, kind)
);
create index entries_by_account on entries (owner, kind, id);
create index entries_by_posting on entries (posting_id);

-- Append-only: the ledger is never changed or removed, only added to (corrections are new postings).
create function ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the ledger table % is append-only: % refused', tg_table_name, tg_op using errcode = '42501';
end
$$;
create trigger postings_append_only before update or delete on postings for each row execute function ledger_append_only();
create trigger postings_no_truncate before truncate on postings for each statement execute function ledger_append_only();
create trigger entries_append_only before update or delete on entries for each row execute function ledger_append_only();
create trigger entries_no_truncate before truncate on entries for each statement execute function ledger_append_only();

-- A posting's entries arrive in one statement and sum to zero; anything else is refused, whatever
-- code wrote it. Checked once per statement over the rows it inserted.
create function ledger_postings_balance() returns trigger language plpgsql as $$
declare
  bad record;
begin
  select n.posting_id, sum(n.amount) as total, count(*) as lines into bad
    from new_entries n group by n.posting_id
    having sum(n.amount) <> 0 or count(*) < 2
        or count(*) <> (select count(*) from entries e where e.posting_id = n.posting_id)
    limit 1;
  if found then
    raise exception 'posting % does not balance or was split over statements: % entries summing to %', bad.posting_id, bad.lines, bad.total
      using errcode = '23514';
  end if;
  return null;
end
$$;
create trigger entries_balance_per_posting after insert on entries
  referencing new table as new_entries for each statement execute function ledger_postings_balance();

-- Appends one posting in one round trip: applies each entry to its account in the given order (the
-- caller's lock order), a debit only if the balance stays >= 0 unless the account may be negative,
-- then writes the posting and its entries with each balance after. Returns the posting id, or -i
-- when entry i would make its account negative (the caller then rolls the transaction back).
create function ledger_post(p_type text, p_reference text, p_caller text, p_owners text[], p_kinds text[], p_amounts bigint[],
                            p_may_be_negative boolean[]) returns bigint language plpgsql as $$
declare
  after bigint[] := '{}';
  balance_now bigint;
  posting bigint;
begin
  for i in 1 .. array_length(p_owners, 1) loop
    if p_amounts[i] < 0 and not p_may_be_negative[i] then
      update accounts set balance = balance + p_amounts[i]
        where owner = p_owners[i] and kind = p_kinds[i] and balance + p_amounts[i] >= 0
        returning balance into balance_now;
      if not found then
        return -i;
      end if;
    else
      insert into accounts as a (owner, kind, balance) values (p_owners[i], p_kinds[i], p_amounts[i])
        on conflict (owner, kind) do update set balance = a.balance + excluded.balance
        returning balance into balance_now;
    end if;
    after := after || balance_now;
  end loop;
  insert into postings (type, reference, caller) values (p_type, p_reference, p_caller) returning id into posting;
  insert into entries (posting_id, owner, kind, amount, balance_after)
    select posting, u.owner, u.kind, u.amount, u.balance_after
      from unnest(p_owners, p_kinds, p_amounts, after) with ordinality as u(owner, kind, amount, balance_after, n) order by u.n;
  return posting;
end
$$;

-- Idempotency of money-moving operations by (caller, key): the first result is stored and returned
-- to repeats; the fingerprint of the parameters recognises a key reused for another request.
create table operations (
  caller      text        not null,
  idem_key    text        not null,
  fingerprint text        not null,
  result      text,
  created_at  timestamptz not null default now(),
  primary key (caller, idem_key)
);

create table holds (
  owner           text        not null,
  reference       text        not null,
  amount          bigint      not null check (amount >= 0),
  -- The amount before the last change, returned by the upsert that changes it: setting a hold
  -- is one statement that both locks the row and tells how much to move.
  previous_amount bigint      not null default 0,
  status          text        not null,
  updated_at timestamptz not null default now(),
  primary key (owner, reference)
);

create table escrows (
  order_id      text        primary key,
  buyer         text        not null,
  seller        text        not null,
  amount        bigint      not null check (amount > 0),
  status        text        not null,
  buyer_refund  bigint,
  seller_payout bigint,
  fee           bigint,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create index escrows_by_buyer on escrows (buyer);

create table withdrawals (
  id               uuid        primary key,
  owner            text        not null,
  address          text        not null,
  amount           bigint      not null check (amount > 0),
  fee_reserve      bigint      not null check (fee_reserve >= 0),
  network_fee      bigint,
  status           text        not null,
  txid             text        unique,
  raw_tx           text,
  rejection_reason text,
  requested_at     timestamptz not null,
  requested_day    date        not null,
  updated_at       timestamptz not null default now(),
  -- One withdrawal, one signed transaction: once signed, the bytes are kept for re-broadcasts.
  constraint withdrawals_signed_once check ((txid is null) = (raw_tx is null))
);
create index withdrawals_by_owner_day on withdrawals (owner, requested_day);
create index withdrawals_by_status on withdrawals (status);

-- Indices of m/44'/3'/0'/0/i: handed out by a sequence, so an index is never given twice.
create sequence deposit_address_index_seq minvalue 0 start with 0;

create table deposit_addresses (
  owner            text        primary key,
  derivation_index bigint      not null unique,
  address          text        not null unique,
  network          text        not null,
  created_at       timestamptz not null default now()
);

create table deposits (
  txid                   text        not null,
  vout                   int         not null,
  owner                  text        not null,
  address                text        not null,
  amount                 bigint      not null check (amount > 0),
  required_confirmations int         not null,
  confirmations          int         not null,
  status                 text        not null,
  block_hash             text        not null,
  block_height           bigint      not null,
  detected_at            timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  primary key (txid, vout)
);
create index deposits_pending on deposits (status) where status = 'PENDING';
