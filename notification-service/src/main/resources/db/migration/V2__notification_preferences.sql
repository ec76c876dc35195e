-- A user's choices per kind and channel; only what differs from the defaults in code (preferences.Kinds)
-- is stored, so a new kind or a changed default reaches everyone who did not choose otherwise.
create table notification_preferences (
    user_id    text        not null,
    kind       text        not null,
    channel    text        not null,
    enabled    boolean     not null,
    updated_at timestamptz not null,
    primary key (user_id, kind, channel)
);
