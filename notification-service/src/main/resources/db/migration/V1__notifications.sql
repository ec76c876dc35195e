-- In-app notifications: one row per (event, recipient, kind). The unique key is a second guard behind the
-- consumer's dedupe by event id (platform_processed_events): a replayed event cannot notify twice.
create table notifications (
    id         uuid        primary key,
    user_id    text        not null,
    kind       text        not null,
    title      text        not null,
    body       text        not null,
    link       text,
    event_id   text        not null,
    created_at timestamptz not null,
    read_at    timestamptz,
    unique (event_id, user_id, kind)
);
create index notifications_by_user on notifications (user_id, created_at desc, id desc);
create index notifications_unread on notifications (user_id) where read_at is null;

-- Who bid on an auction (from BidPlaced), so that its end can tell the bidders who did not win
-- (AuctionSold names only the winner). Rows go when the auction's outcome is handled.
create table auction_bidders (
    listing_id text not null,
    user_id    text not null,
    primary key (listing_id, user_id)
);
