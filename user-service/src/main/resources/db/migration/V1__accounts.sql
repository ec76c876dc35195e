-- Accounts. Email and username are stored lower-case so uniqueness ignores case.
create table users (
  id              uuid primary key,
  email           varchar(254) not null,
  username        varchar(30)  not null,
  password_hash   varchar(200),              -- null for accounts that only sign in through Cognito
  cognito_sub     varchar(64),
  display_name    varchar(80)  not null,
  location        varchar(120),
  avatar_url      varchar(500),
  roles           varchar(100) not null,     -- comma list, e.g. USER,ADMIN
  status          varchar(16)  not null,     -- ACTIVE | SUSPENDED
  suspended_reason varchar(500),
  created_at      timestamptz  not null,
  updated_at      timestamptz  not null,
  version         bigint       not null
);
create unique index users_email_key on users (email);
create unique index users_username_key on users (username);
create unique index users_cognito_sub_key on users (cognito_sub) where cognito_sub is not null;

-- Refresh tokens are opaque random strings; only their SHA-256 is kept. Rotation keeps a family so
-- that replaying a rotated token revokes every descendant (a stolen token is then worth nothing).
create table refresh_tokens (
  id          uuid primary key,
  user_id     uuid        not null references users (id),
  family_id   uuid        not null,
  token_hash  varchar(64) not null unique,
  expires_at  timestamptz not null,
  revoked_at  timestamptz,
  created_at  timestamptz not null
);
create index refresh_tokens_user on refresh_tokens (user_id);
create index refresh_tokens_family on refresh_tokens (family_id);

-- The local issuer's RS256 key, generated on first start so that tokens survive restarts.
create table signing_keys (
  kid          varchar(64) primary key,
  private_jwk  text        not null,
  created_at   timestamptz not null
);
