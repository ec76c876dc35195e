-- Browser push (Web Push, RFC 8030/8291/8292).

-- The VAPID key pair (RFC 8292) of this install: made by the first instance that starts on an empty
-- database and kept (one row). The public key is what browsers subscribe with, so it must never change
-- behind their back: a new key would silently orphan every subscription.
create table push_vapid_keys (
    id          int         primary key check (id = 1),
    public_key  text        not null, -- X.509 SubjectPublicKeyInfo, base64
    private_key text        not null, -- PKCS#8, base64
    created_at  timestamptz not null
);

-- One row per browser a user allowed: the push service's endpoint and the browser's keys (RFC 8291:
-- p256dh, the browser's P-256 public key, 65 bytes uncompressed; auth, the 16-byte secret), base64url.
-- An endpoint is one browser profile: subscribing it again (another user signed in there) moves it.
create table push_subscriptions (
    id         uuid        primary key,
    user_id    text        not null,
    endpoint   text        not null unique,
    p256dh     text        not null,
    auth       text        not null,
    created_at timestamptz not null
);
create index push_subscriptions_by_user on push_subscriptions (user_id);

-- One push to deliver to one subscription, queued in the consumer's transaction (so an event's pushes
-- exist exactly when its notification does) and sent by PushSender after the commit. A subscription the
-- push service calls gone (404/410) is deleted, and its rows with it.
create table push_outbox (
    id              uuid        primary key,
    subscription_id uuid        not null references push_subscriptions (id) on delete cascade,
    user_id         text        not null,
    kind            text        not null,
    payload         text        not null, -- JSON {title, body, link, kind}
    event_id        text        not null,
    created_at      timestamptz not null,
    attempts        int         not null default 0,
    next_at         timestamptz not null,
    sent_at         timestamptz,
    outcome         text,                 -- SENT | FAILED
    last_error      text,
    unique (event_id, subscription_id, kind)
);
create index push_outbox_due on push_outbox (next_at) where sent_at is null;
