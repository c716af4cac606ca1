-- The territorial hierarchy and the working-day calendars of the regions.
create schema territory;
grant usage on schema territory to ${app_role};

create table territory.unit (
  id              uuid        primary key,
  level           text        not null check (level in ('NATIONAL', 'REGION', 'MUNICIPALITY', 'SETTLEMENT')),
  parent_id       uuid        references territory.unit (id),
  code            text        not null,
  name            text        not null check (length(trim(name)) > 0),
  -- The region and municipality the unit belongs to (a region's own id for a region), kept so
  -- that row-level security can decide who may change it.
  region_id       uuid,
  municipality_id uuid,
  version         int         not null default 0,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check ((level = 'NATIONAL') = (parent_id is null)),
  check (level = 'NATIONAL' or region_id is not null),
  check (level not in ('MUNICIPALITY', 'SETTLEMENT') or municipality_id is not null)
);
create unique index unit_code on territory.unit (lower(code));
create unique index unit_one_nation on territory.unit ((true)) where level = 'NATIONAL';
create index unit_parent on territory.unit (parent_id);
create index unit_region on territory.unit (region_id);
create index unit_name_lower on territory.unit (lower(name));

alter table territory.unit enable row level security;
alter table territory.unit force row level security;
-- The territorial hierarchy is public reference data: everybody reads it; changes stay
-- within the actor's scope.
create policy unit_read on territory.unit for select using (true);
create policy unit_write on territory.unit for all
  using (platform.scope_allows(region_id, municipality_id))
  with check (platform.scope_allows(region_id, municipality_id));

-- Which days of the week are rest days in a region (ISO numbering, Monday = 1).
create table territory.region_calendar (
  region_id    uuid primary key references territory.unit (id),
  weekend_days smallint[] not null default '{6,7}',
  version      int not null default 0
);

-- Exceptions to the weekly pattern: holidays on working days and working days on weekends.
create table territory.calendar_day (
  region_id   uuid    not null references territory.unit (id),
  day         date    not null,
  working     boolean not null,
  description text    not null default '',
  primary key (region_id, day)
);

alter table territory.region_calendar enable row level security;
alter table territory.region_calendar force row level security;
alter table territory.calendar_day enable row level security;
alter table territory.calendar_day force row level security;
-- Every deadline anywhere is counted on these calendars, so all may read them; only the
-- region's own officers (or national staff) change them.
create policy region_calendar_read on territory.region_calendar for select using (true);
create policy region_calendar_write on territory.region_calendar for all
  using (platform.scope_allows(region_id, null)) with check (platform.scope_allows(region_id, null));
create policy calendar_day_read on territory.calendar_day for select using (true);
create policy calendar_day_write on territory.calendar_day for all
  using (platform.scope_allows(region_id, null)) with check (platform.scope_allows(region_id, null));
