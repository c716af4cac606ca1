-- Individual plans and the agreements made from them. A plan lists services of the catalogue with
-- their volume per the standard's period, frequency and dates; a volume above the standard's norm
-- carries its reason. The client chooses a provider for each service, which takes a place in the
-- register, and agrees to the plan. A plan is changed by a new version with its reason; an agreed
-- version never changes. From the agreed plan an agreement is drawn up with each chosen provider:
-- the services, the regional price, the client's monthly contribution and its explanation.
create table cases.service_plan (
  id                    uuid        primary key,
  case_id               uuid        not null references cases.client_case (id),
  region_id             uuid        not null,
  municipality_id       uuid        not null,
  version_number        int         not null check (version_number > 0),
  status                text        not null check (status in ('DRAFT', 'AGREED', 'SUPERSEDED')),
  goals                 text        not null check (length(trim(goals)) > 0),
  -- Why this version replaces the one before; the first version needs none.
  reason                text        not null default '',
  language              text        not null,
  -- Where distances to providers are measured from: the client's place when the version was begun.
  origin_name           text,
  origin_latitude       double precision,
  origin_longitude      double precision,
  created_at            timestamptz not null,
  created_by            text        not null,
  agreed_at             timestamptz,
  -- Who agreed (the client or their representative, by name) and who recorded it.
  agreed_by             text,
  agreed_as             text        check (agreed_as in ('CLIENT', 'REPRESENTATIVE')),
  agreement_recorded_by text,
  version               int         not null default 0,
  unique (case_id, version_number),
  check ((status = 'DRAFT') = (agreed_at is null))
);
create unique index service_plan_one_draft on cases.service_plan (case_id) where status = 'DRAFT';

create table cases.plan_service (
  id                    uuid          primary key,
  plan_id               uuid          not null references cases.service_plan (id),
  case_id               uuid          not null,
  region_id             uuid          not null,
  municipality_id       uuid          not null,
  position              int           not null,
  service_type_id       uuid          not null,
  service_name          text          not null,
  -- The standard in force when the service was planned: its norm stays the plan's.
  standard_id           uuid          not null,
  unit                  text          not null,
  units                 numeric(10,2) not null check (units > 0),
  period                text          not null check (period in ('DAY', 'WEEK', 'MONTH', 'YEAR')),
  norm_units            numeric(10,2) not null,
  frequency             text          not null default '',
  starts_on             date          not null,
  ends_on               date          not null,
  above_norm_reason     text          not null default '',
  -- The provider the client chose, where, and the place held for them in the register.
  registered_service_id uuid,
  provider_id           uuid,
  provider_name         text,
  service_point_name    text,
  service_point_address text,
  reservation_id        uuid,
  chosen_at             timestamptz,
  chosen_by             text,
  unique (plan_id, position),
  check (ends_on >= starts_on),
  check (units <= norm_units or length(trim(above_norm_reason)) > 0)
);
create index plan_service_plan on cases.plan_service (plan_id, position);

create sequence cases.agreement_number;

create table cases.agreement (
  id                 uuid          primary key,
  reference          text          not null unique,
  case_id            uuid          not null references cases.client_case (id),
  region_id          uuid          not null,
  municipality_id    uuid          not null,
  plan_id            uuid          not null references cases.service_plan (id),
  provider_id        uuid          not null,
  provider_name      text          not null,
  -- The client as the agreement names them: the provider reads it here, not in the register of
  -- people, which it has no access to.
  client_name        text          not null,
  client_birth_date  date,
  client_address     text          not null,
  language           text          not null,
  starts_on          date          not null,
  ends_on            date          not null,
  currency           char(3)       not null,
  monthly_cost       numeric(12,2) not null check (monthly_cost >= 0),
  monthly_copayment  numeric(12,2) not null check (monthly_copayment >= 0 and monthly_copayment <= monthly_cost),
  -- How the contribution was found: the rules' criteria and values, the ceiling and its share here.
  contribution       jsonb         not null,
  status             text          not null check (status in ('PROPOSED', 'ACCEPTED', 'DECLINED', 'ENDED')),
  drawn_at           timestamptz   not null,
  drawn_by           text          not null,
  answered_at        timestamptz,
  answered_by        text,
  decline_reason     text,
  ended_on           date,
  end_reason         text,
  version            int           not null default 0
);
create index agreement_case on cases.agreement (case_id);
create index agreement_provider on cases.agreement (provider_id, status, drawn_at desc);
create unique index agreement_one_per_provider on cases.agreement (plan_id, provider_id);

create table cases.agreement_service (
  agreement_id       uuid          not null references cases.agreement (id),
  plan_service_id    uuid          not null references cases.plan_service (id),
  case_id            uuid          not null,
  region_id          uuid          not null,
  municipality_id    uuid          not null,
  provider_id        uuid          not null,
  position           int           not null,
  service_type_id    uuid          not null,
  service_name       text          not null,
  unit               text          not null,
  units              numeric(10,2) not null,
  period             text          not null,
  frequency          text          not null,
  service_point_name text          not null,
  starts_on          date          not null,
  ends_on            date          not null,
  tariff_id          uuid          not null,
  unit_price         numeric(12,2) not null,
  monthly_cost       numeric(12,2) not null,
  monthly_copayment  numeric(12,2) not null,
  primary key (agreement_id, plan_service_id)
);

do $$
declare t text;
begin
  foreach t in array array['service_plan', 'plan_service'] loop
    execute format('alter table cases.%I enable row level security', t);
    execute format('alter table cases.%I force row level security', t);
    execute format('create policy %I on cases.%I for all
                      using (cases.may_see(case_id, region_id, municipality_id))
                      with check (platform.scope_allows(region_id, municipality_id))', t || '_scope', t);
  end loop;
  -- The provider party to an agreement sees it and answers it, wherever the client lives.
  foreach t in array array['agreement', 'agreement_service'] loop
    execute format('alter table cases.%I enable row level security', t);
    execute format('alter table cases.%I force row level security', t);
    execute format('create policy %I on cases.%I for all
                      using (cases.may_see(case_id, region_id, municipality_id)
                             or providers.acts_for(provider_id))
                      with check (platform.scope_allows(region_id, municipality_id)
                                  or providers.acts_for(provider_id))', t || '_scope', t);
  end loop;
end $$;

grant usage on sequence cases.agreement_number to ${app_role};
