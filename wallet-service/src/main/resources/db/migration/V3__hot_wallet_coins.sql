-- The coins the hot wallet can spend: outputs of credited deposits (m/44'/3'/0'/0/i) and the change
-- of the wallet's own withdrawals (m/44'/3'/0'/1/k). A withdrawal's one transaction marks its inputs
-- SPENT in the same database transaction that stores it, so no coin is ever spent twice.
create table utxos (
  txid             text        not null,
  vout             int         not null,
  address          text        not null,
  amount           bigint      not null check (amount > 0),
  chain            int         not null check (chain in (0, 1)),
  derivation_index int         not null,
  status           text        not null,
  spent_by         uuid,
  created_at       timestamptz not null default now(),
  primary key (txid, vout),
  constraint utxos_spent_by_one_withdrawal check ((status = 'SPENT') = (spent_by is not null))
);
create index utxos_available on utxos (amount desc) where status = 'AVAILABLE';

-- Change addresses m/44'/3'/0'/1/k: like deposit indices, never reused.
create sequence change_address_index_seq minvalue 0 start with 0;
