-- Vouchers and certificates a region grants under a scheme: a sum of money or a number of units
-- (hot meals, hours of care) for the services the scheme names, valid for a time. Each voucher has
-- a code that cannot be guessed; any registered provider of those services in the region redeems
-- it, partly where the scheme allows, and never twice: a redemption takes what it uses from the
-- voucher in one guarded statement.
create table delivery.voucher_scheme (
  id               uuid          primary key,
  region_id        uuid          not null,
  name             text          not null check (length(trim(name)) > 0),
  kind             text          not null check (kind in ('VALUE', 'UNITS')),
  face             numeric(12,2) not null check (face > 0),
  validity_days    int           not null check (validity_days between 1 and 3660),
  partial          boolean       not null,
  service_type_ids uuid[]        not null check (cardinality(service_type_ids) > 0),
  created_at       timestamptz   not null,
  created_by       text          not null,
  unique (region_id, name)
);

create table delivery.voucher (
  id              uuid          primary key,
  code            text          not null unique,
  scheme_id       uuid          not null references delivery.voucher_scheme (id),
  person_id       uuid          not null,
  holder_name     text          not null,
  region_id       uuid          not null,
  municipality_id uuid          not null,
  issued_on       date          not null,
  expires_on      date          not null,
  initial         numeric(12,2) not null check (initial > 0),
  remaining       numeric(12,2) not null check (remaining >= 0 and remaining <= initial),
  status          text          not null check (status in ('ACTIVE', 'SPENT', 'CANCELLED')),
  issued_by       text          not null,
  version         int           not null default 0,
  check (expires_on >= issued_on),
  check ((status = 'SPENT') = (remaining = 0))
);
create index voucher_person on delivery.voucher (person_id);

create table delivery.redemption (
  id                    uuid          primary key,
  voucher_id            uuid          not null references delivery.voucher (id),
  region_id             uuid          not null,
  municipality_id       uuid          not null,
  provider_id           uuid          not null,
  registered_service_id uuid          not null,
  service_type_id       uuid          not null,
  service_name          text          not null,
  used                  numeric(12,2) not null check (used > 0),
  -- What a unit used is paid: 1 for a voucher of money, the region's tariff for one of units.
  unit_price            numeric(12,2) not null check (unit_price >= 0),
  redeemed_at           timestamptz   not null,
  redeemed_by           text          not null
);
create index redemption_voucher on delivery.redemption (voucher_id);
create index redemption_provider on delivery.redemption (provider_id, redeemed_at);

alter table delivery.voucher_scheme enable row level security;
alter table delivery.voucher_scheme force row level security;
-- Schemes are read by everyone of the region, a municipality's workers included (they issue the
-- vouchers), and by providers (they redeem them); officers keep them.
create policy voucher_scheme_read on delivery.voucher_scheme for select
  using (platform.scope_allows(region_id, null)
         or region_id = nullif(current_setting('socius.region_id', true), '')::uuid
         or platform.acts_as_any(array['PROVIDER_STAFF']));
create policy voucher_scheme_write on delivery.voucher_scheme for insert
  with check (platform.scope_allows(region_id, null)
              and platform.acts_as_any(array['REGIONAL_OFFICER']));

-- Vouchers are the municipality's: its workers issue them. A provider redeems one by its code: the
-- application checks the provider and its service, then takes what is used in the system's scope.
-- A provider never lists vouchers.
alter table delivery.voucher enable row level security;
alter table delivery.voucher force row level security;
create policy voucher_scope on delivery.voucher for all
  using (platform.scope_allows(region_id, municipality_id)
         and platform.acts_as_any(array['CASE_WORKER', 'REGIONAL_OFFICER']))
  with check (platform.scope_allows(region_id, municipality_id)
              and platform.acts_as_any(array['CASE_WORKER', 'REGIONAL_OFFICER']));
create policy voucher_system on delivery.voucher for all
  using (current_setting('socius.scope_level', true) = 'SYSTEM')
  with check (current_setting('socius.scope_level', true) = 'SYSTEM');

alter table delivery.redemption enable row level security;
alter table delivery.redemption force row level security;
create policy redemption_scope on delivery.redemption for select
  using ((platform.scope_allows(region_id, municipality_id)
          and platform.acts_as_any(array['CASE_WORKER', 'REGIONAL_OFFICER']))
         or providers.acts_for(provider_id));
create policy redemption_system on delivery.redemption for all
  using (current_setting('socius.scope_level', true) = 'SYSTEM')
  with check (current_setting('socius.scope_level', true) = 'SYSTEM');

grant select, insert on delivery.voucher_scheme to ${app_role};
grant select, insert on delivery.voucher, delivery.redemption to ${app_role};
grant update (remaining, status, version) on delivery.voucher to ${app_role};
