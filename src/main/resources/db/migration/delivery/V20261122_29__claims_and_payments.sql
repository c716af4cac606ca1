-- Money that follows the client. Each month a provider's claim is built from the delivery its
-- clients confirmed, at the agreed price less the clients' contributions; the regional officer
-- rejects lines with reasons and approves the rest, offsetting advances paid under contracts.
-- Approved claims are paid in payment runs: a run's orders go to the bank as an ISO 20022
-- pain.001 file, and the bank's report of what was booked marks them paid.

-- Where a region pays from, and where a provider is paid.
create table delivery.region_account (
  region_id  uuid        primary key,
  holder     text        not null,
  iban       text        not null,
  bic        text        not null,
  updated_at timestamptz not null,
  updated_by text        not null
);
create table delivery.payee_account (
  provider_id uuid        primary key,
  holder      text        not null,
  iban        text        not null,
  bic         text        not null,
  updated_at  timestamptz not null,
  updated_by  text        not null
);

create sequence delivery.claim_number;

create table delivery.claim (
  id               uuid          primary key,
  reference        text          not null unique,
  provider_id      uuid          not null,
  provider_name    text          not null,
  region_id        uuid          not null,
  -- The month delivered (its first day), and which claim of that month: delivery confirmed after a
  -- claim was built goes into a supplementary one.
  month            date          not null check (extract(day from month) = 1),
  sequence         int           not null check (sequence > 0),
  currency         char(3)       not null,
  status           text          not null check (status in ('SUBMITTED', 'APPROVED', 'PAID')),
  line_count       int           not null default 0,
  gross            numeric(14,2) not null default 0,
  copayment        numeric(14,2) not null default 0,
  rejected         numeric(14,2) not null default 0,
  advance_offset   numeric(14,2) not null default 0,
  payable          numeric(14,2) not null default 0,
  built_at         timestamptz   not null,
  built_by         text          not null,
  approved_at      timestamptz,
  approved_by      text,
  paid_on          date,
  version          int           not null default 0,
  unique (provider_id, region_id, month, sequence)
);
create index claim_region_month on delivery.claim (region_id, month);

-- A line per confirmed delivery or voucher redemption (its item): claimed once, ever.
create table delivery.claim_line (
  claim_id        uuid          not null references delivery.claim (id),
  item_id         uuid          not null unique,
  kind            text          not null check (kind in ('DELIVERY', 'VOUCHER')),
  region_id       uuid          not null,
  municipality_id uuid          not null,
  -- The agreement's reference for a delivery, the voucher's code for a redemption.
  agreement_ref   text          not null,
  -- Who was served: the case for a delivery, the holder for a voucher (clients counted per budget).
  client_key      uuid          not null,
  client_name     text          not null,
  service_type_id uuid          not null,
  service_name    text          not null,
  delivered_on    date          not null,
  units           numeric(10,2) not null,
  unit_price      numeric(12,2) not null,
  amount          numeric(12,2) not null,
  copayment       numeric(12,2) not null check (copayment >= 0 and copayment <= amount),
  rejected_reason text,
  rejected_by     text,
  primary key (claim_id, item_id)
);

-- Advances paid to a provider under a contract, offset against its approved claims, oldest first.
create table delivery.advance (
  id            uuid          primary key,
  provider_id   uuid          not null,
  region_id     uuid          not null,
  contract_ref  text          not null,
  paid_on       date          not null,
  amount        numeric(14,2) not null check (amount > 0),
  offset_amount numeric(14,2) not null default 0 check (offset_amount >= 0 and offset_amount <= amount),
  recorded_at   timestamptz   not null,
  recorded_by   text          not null
);
create table delivery.claim_offset (
  claim_id   uuid          not null references delivery.claim (id),
  advance_id uuid          not null references delivery.advance (id),
  region_id  uuid          not null,
  amount     numeric(14,2) not null check (amount > 0),
  primary key (claim_id, advance_id)
);

create sequence delivery.payment_run_number;

create table delivery.payment_run (
  id            uuid          primary key,
  reference     text          not null unique,
  region_id     uuid          not null,
  requested_on  date          not null,
  order_count   int           not null,
  total         numeric(14,2) not null,
  currency      char(3)       not null,
  debtor_holder text          not null,
  debtor_iban   text          not null,
  debtor_bic    text          not null,
  created_at    timestamptz   not null,
  created_by    text          not null
);

create table delivery.payment_order (
  id             uuid          primary key,
  run_id         uuid          not null references delivery.payment_run (id),
  claim_id       uuid          not null unique references delivery.claim (id),
  region_id      uuid          not null,
  provider_id    uuid          not null,
  end_to_end_id  text          not null unique,
  amount         numeric(14,2) not null check (amount > 0),
  creditor       text          not null,
  creditor_iban  text          not null,
  creditor_bic   text          not null,
  remittance     text          not null,
  status         text          not null check (status in ('ORDERED', 'PAID')),
  paid_on        date
);
create index payment_order_run on delivery.payment_order (run_id);

-- Claims and payments are the region's: its officers work them; a provider's staff read their own.
do $$
declare t text;
begin
  foreach t in array array['claim', 'advance', 'payment_order'] loop
    execute format('alter table delivery.%I enable row level security', t);
    execute format('alter table delivery.%I force row level security', t);
    execute format('create policy %I on delivery.%I for all
                      using (platform.scope_allows(region_id, null)
                             and platform.acts_as_any(array[''REGIONAL_OFFICER'']))
                      with check (platform.scope_allows(region_id, null)
                                  and platform.acts_as_any(array[''REGIONAL_OFFICER'']))',
                   t || '_region', t);
    execute format('create policy %I on delivery.%I for select
                      using (providers.acts_for(provider_id))', t || '_provider', t);
  end loop;
  foreach t in array array['claim_line', 'claim_offset', 'payment_run', 'region_account'] loop
    execute format('alter table delivery.%I enable row level security', t);
    execute format('alter table delivery.%I force row level security', t);
    execute format('create policy %I on delivery.%I for all
                      using (platform.scope_allows(region_id, null)
                             and platform.acts_as_any(array[''REGIONAL_OFFICER'']))
                      with check (platform.scope_allows(region_id, null)
                                  and platform.acts_as_any(array[''REGIONAL_OFFICER'']))',
                   t || '_region', t);
  end loop;
end $$;

-- A provider reads the lines of its own claims.
create policy claim_line_provider on delivery.claim_line for select
  using (exists (select 1 from delivery.claim c
                 where c.id = claim_id and providers.acts_for(c.provider_id)));

-- A provider's staff keep its account; the region's officers read it to pay.
alter table delivery.payee_account enable row level security;
alter table delivery.payee_account force row level security;
create policy payee_account_provider on delivery.payee_account for all
  using (providers.acts_for(provider_id) or platform.acts_as_any(array['REGIONAL_OFFICER']))
  with check (providers.acts_for(provider_id)
              or current_setting('socius.scope_level', true) = 'SYSTEM');

grant usage on sequence delivery.claim_number, delivery.payment_run_number to ${app_role};
grant select, insert, update on delivery.claim, delivery.claim_line, delivery.advance,
  delivery.payment_order, delivery.region_account, delivery.payee_account to ${app_role};
grant select, insert on delivery.claim_offset, delivery.payment_run to ${app_role};

-- Claim lines are read by the claim, and a delivery's claim found by the delivery.
create index claim_line_claim on delivery.claim_line (claim_id, delivered_on);
