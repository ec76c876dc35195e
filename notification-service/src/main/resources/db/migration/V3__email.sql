-- The address to mail each user at: what the gateway last proved for them (the identity's email claim),
-- recorded when they use the API. A user not seen since has no address here and gets no email.
create table contacts (
    user_id    text        primary key,
    email      text        not null,
    updated_at timestamptz not null
);

-- Notifications waiting to be mailed. A user's pending rows go out together as one email once the
-- oldest has waited the batch window (a burst of outbids is one email). sent_at set = done
-- (outcome SENT with the SES message id, or NO_ADDRESS).
create table email_outbox (
    id         uuid        primary key,
    user_id    text        not null,
    kind       text        not null,
    title      text        not null,
    body       text        not null,
    link       text,
    event_id   text        not null,
    created_at timestamptz not null,
    sent_at    timestamptz,
    outcome    text,
    message_id text,
    unique (event_id, user_id, kind)
);
create index email_outbox_pending on email_outbox (user_id, created_at) where sent_at is null;
