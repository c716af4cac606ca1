-- The service catalogue: service types classified along the axes of the reforms, the national
-- standard of each type in dated versions, and regional tariffs with validity periods.
create schema catalogue;
grant usage on schema catalogue to ${app_role};

create table catalogue.service_type (
  id                     uuid        primary key,
  code                   text        not null,
  name                   text        not null check (length(trim(name)) > 0),
  description            text        not null default '',
  purpose                text        not null,
  beneficiary_categories text[]      not null check (cardinality(beneficiary_categories) > 0),
  regime                 text        not null check (regime in ('RESIDENTIAL', 'NON_RESIDENTIAL')),
  places                 text[]      not null check (cardinality(places) > 0),
  delivery_form          text        not null check (delivery_form in ('RESIDENTIAL', 'AMBULATORY', 'FIELD')),
  active                 boolean     not null default true,
  version                int         not null default 0,
  created_at             timestamptz not null default now()
);
create unique index service_type_code on catalogue.service_type (lower(code));

-- A standard applies from its effective date until the next version's; a plan or a contract
-- refers to the version it was made under, which never changes once in force.
create table catalogue.standard (
  id                   uuid          primary key,
  service_type_id      uuid          not null references catalogue.service_type (id),
  version_number       int           not null,
  effective_from       date          not null,
  content              text          not null check (length(trim(content)) > 0),
  unit                 text          not null,
  max_units            numeric(10,2) not null check (max_units > 0),
  norm_period          text          not null check (norm_period in ('DAY', 'WEEK', 'MONTH', 'YEAR')),
  frequency            text          not null default '',
  duration_minutes     int           check (duration_minutes is null or duration_minutes > 0),
  staff_qualifications text          not null default '',
  quality_criteria     text          not null default '',
  reference_unit_cost  numeric(12,2) not null check (reference_unit_cost >= 0),
  currency             char(3)       not null,
  created_at           timestamptz   not null default now(),
  unique (service_type_id, version_number),
  unique (service_type_id, effective_from)
);

-- A region's price per unit of a service type. Two tariffs of one type in one region may not be
-- valid on the same day.
create table catalogue.tariff (
  id              uuid          primary key,
  service_type_id uuid          not null references catalogue.service_type (id),
  region_id       uuid          not null,
  price           numeric(12,2) not null check (price >= 0),
  currency        char(3)       not null,
  valid           daterange     not null check (not isempty(valid) and lower(valid) is not null),
  version         int           not null default 0,
  created_at      timestamptz   not null default now(),
  exclude using gist (service_type_id with =, region_id with =, valid with &&)
);
create index tariff_region on catalogue.tariff (region_id, service_type_id);

alter table catalogue.tariff enable row level security;
alter table catalogue.tariff force row level security;
-- Tariffs are public prices; only the region's own officers (or national staff) set them.
create policy tariff_read on catalogue.tariff for select using (true);
create policy tariff_write on catalogue.tariff for all
  using (platform.scope_allows(region_id, null)) with check (platform.scope_allows(region_id, null));
