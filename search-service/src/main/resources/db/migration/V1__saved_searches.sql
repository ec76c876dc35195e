-- A user's saved search: its filters as the search parameters they came from (JSON), and when its owner last looked.
create table saved_searches (
  id           uuid primary key,
  user_id      varchar(64)  not null,
  name         varchar(100) not null,
  params       text         not null,
  created_at   timestamptz  not null,
  updated_at   timestamptz  not null,
  last_seen_at timestamptz  not null
);
create index saved_searches_by_user on saved_searches (user_id, created_at);

-- Listings a saved search matched when they were indexed; one row per pair, so a replayed event adds nothing.
create table saved_search_matches (
  saved_search_id uuid         not null references saved_searches (id) on delete cascade,
  listing_id      varchar(100) not null,
  title           varchar(300),
  matched_at      timestamptz  not null,
  primary key (saved_search_id, listing_id)
);
create index saved_search_matches_recent on saved_search_matches (saved_search_id, matched_at);
