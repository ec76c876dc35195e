-- The category tree; each category's item specifics in category_specific (a form inherits its ancestors').
create table category (
  id        bigserial primary key,
  parent_id bigint references category (id),
  name      varchar(120) not null,
  slug      varchar(120) not null unique,
  position  int not null default 0,
  leaf      boolean not null
);
create index category_parent on category (parent_id);

create table category_specific (
  category_id    bigint not null references category (id) on delete cascade,
  position       int not null,
  name           varchar(80) not null,
  type           varchar(16) not null check (type in ('TEXT', 'NUMBER', 'ENUM', 'BOOLEAN')),
  requirement    varchar(16) not null check (requirement in ('REQUIRED', 'RECOMMENDED', 'OPTIONAL')),
  -- JSON array of the allowed values of an ENUM specific, '[]' otherwise.
  allowed_values text not null default '[]',
  unit           varchar(16),
  primary key (category_id, name)
);

-- The listing record. Prices in koinu. The item-specifics document lives in MongoDB (item_specifics).
create table listing (
  id                 uuid primary key,
  seller_id          varchar(64) not null,
  seller_name        varchar(64) not null,
  title              varchar(80) not null,
  description        text not null,
  item_condition     varchar(16) not null,
  category_id        bigint not null references category (id),
  format             varchar(8) not null check (format in ('AUCTION', 'FIXED')),
  status             varchar(12) not null check (status in ('DRAFT', 'SCHEDULED', 'ACTIVE', 'ENDED', 'SOLD', 'CANCELLED')),
  start_price        bigint not null,
  reserve_price      bigint,
  buy_it_now_price   bigint,
  current_price      bigint not null,
  quantity           int not null,
  quantity_sold      int not null default 0,
  duration_minutes   int not null,
  scheduled_start    timestamptz,
  starts_at          timestamptz,
  ends_at            timestamptz,
  ended_at           timestamptz,
  ships_to           varchar(200) not null,
  bid_count          int not null default 0,
  views              bigint not null default 0,
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  version            bigint not null
);
create index listing_seller on listing (seller_id, created_at desc);
create index listing_due on listing (status, ends_at);
create index listing_scheduled on listing (status, starts_at);

create table listing_shipping (
  listing_id uuid not null references listing (id) on delete cascade,
  position   int not null,
  service    varchar(60) not null,
  cost       bigint not null,
  primary key (listing_id, position)
);

create table photo (
  id            uuid primary key,
  listing_id    uuid not null references listing (id) on delete cascade,
  seller_id     varchar(64) not null,
  status        varchar(10) not null check (status in ('PENDING', 'READY', 'REJECTED')),
  declared_type varchar(32) not null,
  declared_size bigint not null,
  position      int not null,
  reject_reason varchar(200),
  created_at    timestamptz not null,
  processed_at  timestamptz
);
create index photo_listing on photo (listing_id, position);

create table question (
  id          uuid primary key,
  listing_id  uuid not null references listing (id) on delete cascade,
  asker_id    varchar(64) not null,
  asker_name  varchar(64) not null,
  text        varchar(1000) not null,
  answer      varchar(2000),
  asked_at    timestamptz not null,
  answered_at timestamptz
);
create index question_listing on question (listing_id, asked_at);

create table watch (
  user_id    varchar(64) not null,
  listing_id uuid not null references listing (id) on delete cascade,
  created_at timestamptz not null,
  primary key (user_id, listing_id)
);
create index watch_listing on watch (listing_id);
