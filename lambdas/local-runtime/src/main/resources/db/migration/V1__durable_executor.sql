-- Executions of ASL workflows. The definition is kept per execution so that one started before a
-- definition changed finishes with the definition it started with.
create table executions (
    arn           text primary key,
    state_machine text        not null,
    name          text        not null,
    status        text        not null,
    definition    text        not null,
    input         text        not null,
    output        text,
    error         text,
    cause         text,
    start_date    timestamptz not null,
    stop_date     timestamptz,
    unique (state_machine, name)
);
create index executions_by_machine on executions (state_machine, start_date desc);

-- One run per thread of control: the execution itself and one per Parallel branch. A run is always at
-- exactly one state, in one phase; every transition is one transaction, so a restart resumes from here.
create table runs (
    id            bigserial primary key,
    execution_arn text        not null references executions (arn),
    parent_id     bigint references runs (id),
    branch_index  int,
    branch_path   text        not null,
    state_name    text        not null,
    phase         text        not null,
    input         text        not null,
    pending       text,
    attempts      text,
    step          int         not null default 0,
    entered_at    timestamptz not null,
    status        text        not null,
    due_at        timestamptz not null,
    lease_owner   text,
    leased_until  timestamptz,
    version       int         not null default 0,
    output        text,
    error         text,
    cause         text
);
create index runs_ready on runs (due_at) where status = 'READY';
create index runs_children on runs (parent_id);
create index runs_by_execution on runs (execution_arn);

-- A task's completion is recorded once per run step: a task re-run after a crash cannot complete twice.
create table task_completions (
    run_id bigint not null references runs (id),
    step   int    not null,
    at     timestamptz not null default now(),
    primary key (run_id, step)
);

create table task_tokens (
    token      text primary key,
    run_id     bigint      not null references runs (id),
    step       int         not null,
    created_at timestamptz not null default now()
);

create table history (
    id            bigserial primary key,
    execution_arn text        not null,
    run_id        bigint,
    type          text        not null,
    state_name    text,
    step          int,
    details       text,
    at            timestamptz not null default clock_timestamp()
);
create index history_by_execution on history (execution_arn, id);

-- Consumers dedupe bus events by id.
create table event_deliveries (
    subscriber   text        not null,
    event_id     text        not null,
    outcome      text        not null,
    detail       text,
    delivered_at timestamptz not null default now(),
    primary key (subscriber, event_id)
);

-- Objects already announced to image-processor (the local store has no notifications of its own).
create table s3_seen_objects (
    bucket  text not null,
    key     text not null,
    etag    text not null,
    seen_at timestamptz not null default now(),
    primary key (bucket, key, etag)
);
