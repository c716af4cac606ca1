-- What providers deliver under their agreements with clients: each episode of a service (a visit
-- with its start and end, or a number of units such as meals), who gave it and where. The client or
-- their representative confirms or disputes each record; a dispute goes to the case's worker, who
-- settles it. Only confirmed delivery is paid.
create schema if not exists delivery;
grant usage on schema delivery to ${app_role};

-- A set of records sent at once (an API batch, a CSV file, or one record): the key the sender gave
-- makes a retry find the batch already taken instead of taking it twice.
create table delivery.delivery_batch (
  id              uuid        primary key,
  provider_id     uuid        not null,
  idempotency_key text        not null,
  source          text        not null check (source in ('FORM', 'API', 'CSV')),
  record_count    int         not null check (record_count >= 0),
  -- What was sent, digested: the same key with other content is refused, not taken for a retry.
  content_hash    bytea       not null,
  received_at     timestamptz not null,
  received_by     text        not null,
  unique (provider_id, idempotency_key)
);

create table delivery.delivery_record (
  id                uuid          primary key,
  batch_id          uuid          not null references delivery.delivery_batch (id),
  -- The record's place in its batch, so that a batch reads back in the order it was sent.
  batch_position    int           not null,
  provider_id       uuid          not null,
  agreement_id      uuid          not null,
  agreement_ref     text          not null,
  plan_service_id   uuid          not null,
  case_id           uuid          not null,
  region_id         uuid          not null,
  municipality_id   uuid          not null,
  client_name       text          not null,
  service_type_id   uuid          not null,
  service_name      text          not null,
  unit              text          not null,
  delivered_on      date          not null,
  starts_at         time,
  ends_at           time,
  units             numeric(10,2) not null check (units > 0),
  -- The agreed price per unit and the client's share of the cost, from the agreement's line.
  unit_price        numeric(12,2) not null check (unit_price >= 0),
  copayment_share   numeric(9,8)  not null check (copayment_share >= 0 and copayment_share <= 1),
  staff_member      text          not null default '',
  place             text          not null default '',
  above_plan_reason text          not null default '',
  status            text          not null check (status in ('RECORDED', 'CONFIRMED', 'DISPUTED', 'REJECTED', 'WITHDRAWN')),
  recorded_at       timestamptz   not null,
  recorded_by       text          not null,
  -- The client's answer: who confirmed or disputed (the client, their representative, or a worker
  -- on their behalf), and why a record is disputed.
  answered_at       timestamptz,
  answered_by       text,
  answered_as       text          check (answered_as in ('CLIENT', 'REPRESENTATIVE', 'WORKER')),
  dispute_reason    text,
  -- The worker's settlement of a dispute: confirmed (delivered after all) or rejected.
  settled_at        timestamptz,
  settled_by        text,
  settlement_note   text,
  version           int           not null default 0,
  unique (batch_id, batch_position),
  check ((starts_at is null) = (ends_at is null)),
  check (ends_at is null or ends_at > starts_at),
  check (status <> 'DISPUTED' or dispute_reason is not null)
);
-- A provider's records by day: its lists, its claims, and its staff's visits on the days of a new
-- set, which the application checks for overlaps under a lock on each staff member (an exclusion
-- constraint made writing a set of 10,000 records six times as costly).
create index delivery_record_provider on delivery.delivery_record (provider_id, delivered_on desc);
create index delivery_record_case on delivery.delivery_record (case_id, delivered_on desc);
create index delivery_record_volume on delivery.delivery_record (plan_service_id, delivered_on);
create index delivery_record_disputed on delivery.delivery_record (region_id, municipality_id)
  where status = 'DISPUTED';

alter table delivery.delivery_batch enable row level security;
alter table delivery.delivery_batch force row level security;
-- A batch belongs to its provider; the system's own work (demo data) acts for every provider.
create policy delivery_batch_provider on delivery.delivery_batch for all
  using (providers.acts_for(provider_id) or current_setting('socius.scope_level', true) = 'SYSTEM')
  with check (providers.acts_for(provider_id)
              or current_setting('socius.scope_level', true) = 'SYSTEM');

-- The provider writes its own records; the case's workers and officers read them and settle
-- disputes; the client reads and answers the records of their own case.
alter table delivery.delivery_record enable row level security;
alter table delivery.delivery_record force row level security;
-- Separate policies, each led by a cheap test of the role: a row is checked only against the
-- policy of the one reading or writing it (an officer's million rows never ask whom a provider's
-- staff act for, nor a provider's ten thousand new rows who is on the case's team).
-- The providers the user acts for are asked once per statement (a subquery), not once per row.
create policy delivery_record_provider on delivery.delivery_record for all
  using (platform.acts_as_any(array['PROVIDER_STAFF'])
         and provider_id in (select providers.acted_for()))
  with check (platform.acts_as_any(array['PROVIDER_STAFF'])
              and provider_id in (select providers.acted_for()));
create policy delivery_record_workers on delivery.delivery_record for all
  using (platform.acts_as_any(array['CASE_WORKER', 'REGIONAL_OFFICER'])
         and cases.may_see(case_id, region_id, municipality_id))
  with check (platform.acts_as_any(array['CASE_WORKER', 'REGIONAL_OFFICER'])
              and cases.may_see(case_id, region_id, municipality_id));
create policy delivery_record_client on delivery.delivery_record for select
  using (platform.acts_as_any(array['BENEFICIARY']) and cases.speaks_for(case_id));
create policy delivery_record_client_answer on delivery.delivery_record for update
  using (platform.acts_as_any(array['BENEFICIARY']) and cases.speaks_for(case_id))
  with check (platform.acts_as_any(array['BENEFICIARY']) and cases.speaks_for(case_id));

grant select, insert, delete on delivery.delivery_batch to ${app_role};
grant select, insert on delivery.delivery_record to ${app_role};
grant update (status, answered_at, answered_by, answered_as, dispute_reason, settled_at,
              settled_by, settlement_note, version)
  on delivery.delivery_record to ${app_role};
