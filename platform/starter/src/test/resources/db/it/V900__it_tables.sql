-- Tables of the platform's own integration tests (never shipped: test resources only).
CREATE TABLE it_bids (
    id         BIGSERIAL PRIMARY KEY,
    bidder     TEXT      NOT NULL,
    amount     BIGINT    NOT NULL
);
CREATE TABLE it_listings (
    id    TEXT PRIMARY KEY,
    title TEXT NOT NULL
);
CREATE TABLE it_effects (
    subscriber TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    listing_id TEXT NOT NULL
);
