-- A registered provider asks for a change to what the register shows of it: the capacity of a
-- registered service, or a service point's address, position, hours, accessibility or places.
-- The region's officer reviews it as an application; only an approved change reaches the register.
create table providers.change_request (
  id                    uuid        primary key,
  provider_id           uuid        not null references providers.provider (id),
  region_id             uuid        not null,
  kind                  text        not null check (kind in ('CAPACITY', 'SERVICE_POINT')),
  registered_service_id uuid        references providers.registered_service (id),
  service_point_id      uuid        references providers.service_point (id),
  capacity              int         check (capacity > 0),
  name                  text,
  municipality_id       uuid,
  address               text,
  latitude              double precision check (latitude between -90 and 90),
  longitude             double precision check (longitude between -180 and 180),
  opening_hours         text,
  accessibility         text[],
  phone                 text,
  explanation           text        not null default '',
  status                text        not null default 'SUBMITTED'
                                    check (status in ('SUBMITTED', 'APPROVED', 'REFUSED')),
  submitted_by          text        not null,
  submitted_at          timestamptz not null default now(),
  due_on                date        not null,
  decided_by            text,
  decided_at            timestamptz,
  decision_note         text        not null default '',
  version               int         not null default 0,
  check ((kind = 'CAPACITY') = (registered_service_id is not null)),
  check ((kind = 'SERVICE_POINT') = (service_point_id is not null and name is not null
                                     and municipality_id is not null and address is not null
                                     and latitude is not null and longitude is not null)),
  check (capacity is not null)
);
create index change_request_review on providers.change_request (region_id, status, due_on);
create index change_request_provider on providers.change_request (provider_id, submitted_at);
-- One open request per thing: a second would be decided against a state the first changes.
create unique index change_request_one_open_service on providers.change_request (registered_service_id)
  where status = 'SUBMITTED';
create unique index change_request_one_open_point on providers.change_request (service_point_id)
  where status = 'SUBMITTED';

alter table providers.change_request enable row level security;
alter table providers.change_request force row level security;
create policy change_request_scope on providers.change_request for all
  using (platform.scope_allows(region_id, null))
  with check (platform.scope_allows(region_id, null));

-- The register's history also keeps approved changes.
alter table providers.register_event drop constraint register_event_kind_check;
alter table providers.register_event add constraint register_event_kind_check
  check (kind in ('SUSPENDED', 'EXCLUDED', 'REINSTATED', 'CAPACITY_CHANGED', 'POINT_CHANGED'));
