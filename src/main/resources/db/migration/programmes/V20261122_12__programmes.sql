-- Programmes and their rules as data. A programme has versions with effective dates; a version's
-- criteria and formula are CEL expressions; parameters have national defaults and regional values
-- (a local minimum-income line). Published versions never change: decisions refer to them.
create schema programmes;
grant usage on schema programmes to ${app_role};

create table programmes.programme (
  id          uuid        primary key,
  code        text        not null,
  name        text        not null check (length(trim(name)) > 0),
  description text        not null default '',
  kind        text        not null check (kind in ('CASH', 'IN_KIND', 'SERVICE', 'VOUCHER')),
  -- Programmes are considered in this order; a last resort comes after every other.
  position    int         not null default 100,
  last_resort boolean     not null default false,
  created_at  timestamptz not null default now(),
  version     int         not null default 0
);
create unique index programme_code on programmes.programme (lower(code));

create table programmes.programme_version (
  id             uuid        primary key,
  programme_id   uuid        not null references programmes.programme (id),
  version_number int         not null,
  effective_from date        not null,
  status         text        not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
  criteria       jsonb       not null,
  formula        text        not null,
  parameters     jsonb       not null default '{}',
  published_at   timestamptz,
  published_by   text,
  created_at     timestamptz not null default now(),
  version        int         not null default 0,
  unique (programme_id, version_number)
);
create unique index programme_version_one_per_day on programmes.programme_version (programme_id, effective_from)
  where status = 'PUBLISHED';

-- A parameter's value in one region, over the version's national default.
create table programmes.regional_parameter (
  programme_version_id uuid   not null references programmes.programme_version (id),
  region_id            uuid   not null,
  name                 text   not null,
  value                bigint not null,
  primary key (programme_version_id, region_id, name)
);
