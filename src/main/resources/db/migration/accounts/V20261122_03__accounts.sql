-- People who sign in, their roles and territorial scope, and the API tokens that act for them.
create schema accounts;
grant usage on schema accounts to ${app_role};

create table accounts.user_account (
  id                  uuid        primary key,
  username            text        not null check (username ~ '^[a-z0-9._-]{3,64}$'),
  display_name        text        not null check (length(trim(display_name)) > 0),
  email               text,
  password_hash       text        not null,
  roles               text[]      not null check (cardinality(roles) > 0),
  sector              text,
  scope_level         text        not null check (scope_level in ('NATIONAL', 'REGION', 'MUNICIPALITY')),
  region_id           uuid,
  municipality_id     uuid,
  preferred_language  text        not null default 'en',
  enabled             boolean     not null default true,
  failed_attempts     int         not null default 0,
  locked_until        timestamptz,
  password_changed_at timestamptz not null default now(),
  last_login_at       timestamptz,
  created_at          timestamptz not null default now(),
  version             int         not null default 0,
  check (scope_level = 'NATIONAL' or region_id is not null),
  check (scope_level <> 'MUNICIPALITY' or municipality_id is not null)
);
create unique index user_account_username on accounts.user_account (username);
create index user_account_region on accounts.user_account (region_id, municipality_id);

create table accounts.api_token (
  id              uuid        primary key,
  user_id         uuid        not null references accounts.user_account (id),
  name            text        not null check (length(trim(name)) > 0),
  -- Only a SHA-256 of the token is kept: a stolen database does not yield usable tokens.
  token_hash      bytea       not null unique,
  prefix          text        not null,
  created_at      timestamptz not null default now(),
  expires_at      timestamptz,
  last_used_at    timestamptz,
  revoked_at      timestamptz
);
create index api_token_user on accounts.api_token (user_id);

alter table accounts.user_account enable row level security;
alter table accounts.user_account force row level security;
create policy user_account_scope on accounts.user_account for all
  using (platform.scope_allows(region_id, municipality_id))
  with check (platform.scope_allows(region_id, municipality_id));

alter table accounts.api_token enable row level security;
alter table accounts.api_token force row level security;
-- A token is visible where its owner is: the policy follows the owner's current territory.
create policy api_token_scope on accounts.api_token for all
  using (exists (select 1 from accounts.user_account u where u.id = api_token.user_id))
  with check (exists (select 1 from accounts.user_account u where u.id = api_token.user_id));
