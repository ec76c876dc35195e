-- "Ending soon" notices to watchers (1 hour and 10 minutes before an auction's current end). A row is the
-- proof that this watcher was told this notice about this listing: it is written in the same transaction
-- as the outbox event, and its key refuses a second one, so a retried sweep, a second instance or a
-- restart never tells anyone twice.
create table ending_soon_notice (
  listing_id uuid        not null references listing (id) on delete cascade,
  user_id    varchar(64) not null,
  notice     varchar(8)  not null check (notice in ('1h', '10m')),
  ends_at    timestamptz not null, -- the end the notice was about
  sent_at    timestamptz not null,
  primary key (listing_id, user_id, notice)
);
