-- Shared technical tables: the territorial-scope function used by every row-level security
-- policy, idempotency keys of the API, HTTP sessions and the module event registry.
-- Two roles: the owner, which runs these migrations and owns every object, and the application
-- role ${app_role}, which may only read and write rows. Without ownership the application can
-- neither switch off row-level security nor touch the audit log's triggers.
alter default privileges grant select, insert, update, delete on tables to ${app_role};

create schema platform;
grant usage on schema platform to ${app_role};

-- True when the scope set by the application for the current transaction may see a row of the
-- given region and municipality. No setting (a statement outside a transaction, an anonymous
-- request) sees nothing: the policies fail closed.
create function platform.scope_allows(p_region uuid, p_municipality uuid) returns boolean
language sql stable parallel safe as $$
  select case current_setting('socius.scope_level', true)
    when 'SYSTEM' then true
    when 'NATIONAL' then true
    when 'REGION' then p_region is not null
      and p_region = nullif(current_setting('socius.region_id', true), '')::uuid
    when 'MUNICIPALITY' then p_municipality is not null
      and p_municipality = nullif(current_setting('socius.municipality_id', true), '')::uuid
    else false
  end
$$;

create table platform.idempotency_key (
  owner          text        not null,
  key            text        not null,
  request_hash   bytea       not null,
  completed      boolean     not null default false,
  status         int,
  content_type   text,
  location       text,
  etag           text,
  body           bytea,
  created_at     timestamptz not null default now(),
  primary key (owner, key)
);
create index idempotency_key_created_at on platform.idempotency_key (created_at);

-- Spring Session: sessions live in the database so that any application node can serve them.
create table spring_session (
  primary_id            char(36)     not null primary key,
  session_id            char(36)     not null,
  creation_time         bigint       not null,
  last_access_time      bigint       not null,
  max_inactive_interval int          not null,
  expiry_time           bigint       not null,
  principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea        not null,
  primary key (session_primary_id, attribute_name)
);

-- Spring Modulith's registry of event publications: an event a listener has not yet handled
-- survives a crash and is delivered again.
create table event_publication (
  id                     uuid        not null primary key,
  listener_id            text        not null,
  event_type             text        not null,
  serialized_event       text        not null,
  publication_date       timestamptz not null,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table event_publication_archive (
  id                     uuid        not null primary key,
  listener_id            text        not null,
  event_type             text        not null,
  serialized_event       text        not null,
  publication_date       timestamptz not null,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamptz
);
