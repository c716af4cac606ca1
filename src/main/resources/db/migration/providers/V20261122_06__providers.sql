-- The register of providers: organisations, their founders, service points, staff and licences;
-- their applications to the register, service by service; and the services admitted.
create schema providers;
grant usage on schema providers to ${app_role};

create table providers.provider (
  id                  uuid        primary key,
  region_id           uuid        not null,
  legal_name          text        not null check (length(trim(legal_name)) > 0),
  provider_type       text        not null check (provider_type in ('STATE_INSTITUTION',
                        'MUNICIPAL_BODY', 'NGO', 'RELIGIOUS_ORGANISATION', 'COMPANY',
                        'INDIVIDUAL_ENTREPRENEUR')),
  registration_number text        not null default '',
  tax_id              text        not null default '',
  legal_address       text        not null default '',
  email               text        not null default '',
  phone               text        not null default '',
  website             text        not null default '',
  status              text        not null default 'APPLICANT'
                        check (status in ('APPLICANT', 'REGISTERED', 'SUSPENDED', 'EXCLUDED')),
  version             int         not null default 0,
  created_at          timestamptz not null default now()
);
create index provider_region on providers.provider (region_id, status);

-- Which user accounts act for a provider.
create table providers.member (
  provider_id uuid not null references providers.provider (id),
  user_id     uuid not null,
  region_id   uuid not null,
  primary key (provider_id, user_id)
);
create index member_user on providers.member (user_id);

-- Founders show who really stands behind an organisation (a state body behind an "NGO").
create table providers.founder (
  id            uuid          primary key,
  provider_id   uuid          not null references providers.provider (id),
  region_id     uuid          not null,
  name          text          not null check (length(trim(name)) > 0),
  founder_type  text          not null check (founder_type in ('PRIVATE_PERSON', 'NGO',
                  'RELIGIOUS_ORGANISATION', 'COMPANY', 'MINISTRY', 'REGION', 'MUNICIPALITY')),
  share_percent numeric(5,2)  check (share_percent is null or share_percent between 0 and 100)
);
create index founder_provider on providers.founder (provider_id);

create table providers.service_point (
  id              uuid             primary key,
  provider_id     uuid             not null references providers.provider (id),
  region_id       uuid             not null,
  municipality_id uuid             not null,
  name            text             not null check (length(trim(name)) > 0),
  address         text             not null check (length(trim(address)) > 0),
  latitude        double precision not null check (latitude between -90 and 90),
  longitude       double precision not null check (longitude between -180 and 180),
  capacity        int              not null check (capacity > 0),
  opening_hours   text             not null default '',
  accessibility   text[]           not null default '{}',
  phone           text             not null default ''
);
create index service_point_provider on providers.service_point (provider_id);

create table providers.staff (
  provider_id uuid not null references providers.provider (id),
  region_id   uuid not null,
  profession  text not null check (length(trim(profession)) > 0),
  headcount   int  not null check (headcount > 0),
  primary key (provider_id, profession)
);

create table providers.licence (
  id          uuid primary key,
  provider_id uuid not null references providers.provider (id),
  region_id   uuid not null,
  kind        text not null check (length(trim(kind)) > 0),
  number      text not null check (length(trim(number)) > 0),
  issued_by   text not null default '',
  valid_from  date not null,
  valid_to    date,
  check (valid_to is null or valid_to >= valid_from)
);
create index licence_expiry on providers.licence (valid_to);

create table providers.application (
  id           uuid        primary key,
  provider_id  uuid        not null references providers.provider (id),
  region_id    uuid        not null,
  status       text        not null check (status in ('DRAFT', 'SUBMITTED',
                 'INFORMATION_REQUESTED', 'DECIDED', 'APPEALED')),
  submitted_at timestamptz,
  due_on       date,
  decided_at   timestamptz,
  version      int         not null default 0,
  created_at   timestamptz not null default now()
);
create index application_region on providers.application (region_id, status, due_on);
create index application_provider on providers.application (provider_id);

create table providers.document (
  id             uuid        primary key,
  provider_id    uuid        not null references providers.provider (id),
  application_id uuid        references providers.application (id),
  region_id      uuid        not null,
  kind           text        not null check (kind in ('STATUTE', 'REGISTRATION_CERTIFICATE',
                   'LICENCE', 'PREMISES', 'STAFF_QUALIFICATIONS', 'OTHER')),
  filename       text        not null,
  content_type   text        not null,
  size_bytes     int         not null check (size_bytes > 0),
  content        bytea       not null,
  uploaded_at    timestamptz not null default now(),
  uploaded_by    text        not null
);
create index document_application on providers.document (application_id);

-- Each service applied for is decided on its own: a provider joins the register service by
-- service, not for the "full complex".
create table providers.application_service (
  id               uuid        primary key,
  application_id   uuid        not null references providers.application (id),
  region_id        uuid        not null,
  service_type_id  uuid        not null,
  service_point_id uuid        not null references providers.service_point (id),
  capacity         int         not null check (capacity > 0),
  decision         text        not null default 'PENDING'
                     check (decision in ('PENDING', 'ADMITTED', 'REFUSED')),
  refusal_reason   text,
  refusal_text     text,
  appeal_text      text,
  decided_at       timestamptz,
  unique (application_id, service_type_id, service_point_id)
);

create table providers.application_event (
  id             uuid        primary key,
  application_id uuid        not null references providers.application (id),
  region_id      uuid        not null,
  at             timestamptz not null default now(),
  actor_name     text        not null,
  kind           text        not null,
  note           text        not null default ''
);
create index application_event_application on providers.application_event (application_id, at);

-- The register itself: a service of a provider at a service point, with its capacity.
create table providers.registered_service (
  id                 uuid        primary key,
  provider_id        uuid        not null references providers.provider (id),
  region_id          uuid        not null,
  municipality_id    uuid        not null,
  service_type_id    uuid        not null,
  service_point_id   uuid        not null references providers.service_point (id),
  capacity           int         not null check (capacity > 0),
  occupied           int         not null default 0 check (occupied >= 0 and occupied <= capacity),
  status             text        not null default 'ACTIVE'
                       check (status in ('ACTIVE', 'SUSPENDED', 'EXCLUDED')),
  status_reason      text        not null default '',
  registered_on      date        not null,
  application_id     uuid        references providers.application (id),
  version            int         not null default 0,
  unique (service_type_id, service_point_id)
);
create index registered_service_type on providers.registered_service (service_type_id, status);
create index registered_service_region on providers.registered_service (region_id, municipality_id);

-- The register and the places where services are given are public; everything else is seen only
-- in the region that keeps it (and by the provider itself, which the application checks).
do $$
declare t text;
begin
  foreach t in array array['provider', 'service_point', 'registered_service', 'founder', 'staff', 'licence'] loop
    execute format('alter table providers.%I enable row level security', t);
    execute format('alter table providers.%I force row level security', t);
    execute format('create policy %I on providers.%I for select using (true)', t || '_read', t);
    execute format('create policy %I on providers.%I for all using (platform.scope_allows(region_id, null)) with check (platform.scope_allows(region_id, null))', t || '_write', t);
  end loop;
  foreach t in array array['member', 'application', 'document', 'application_service', 'application_event'] loop
    execute format('alter table providers.%I enable row level security', t);
    execute format('alter table providers.%I force row level security', t);
    execute format('create policy %I on providers.%I for all using (platform.scope_allows(region_id, null)) with check (platform.scope_allows(region_id, null))', t || '_scope', t);
  end loop;
end $$;
