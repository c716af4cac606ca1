-- Budgets: a programme's money for a year in a region, for the services it pays for; what the
-- agreements in force commit of it and what was paid from it, with a warning before it runs out;
-- and the programme's administrative cost, giving the cost per client served and the share of
-- administration in the whole.
create table delivery.budget_line (
  id               uuid          primary key,
  region_id        uuid          not null,
  year             int           not null check (year between 2000 and 2100),
  programme_id     uuid          not null,
  programme_name   text          not null,
  service_type_ids uuid[]        not null check (cardinality(service_type_ids) > 0),
  amount           numeric(16,2) not null check (amount > 0),
  -- The share of the line spent and committed at which it is flagged, before it runs out.
  warn_share       numeric(3,2)  not null default 0.90 check (warn_share > 0 and warn_share <= 1),
  created_at       timestamptz   not null,
  created_by       text          not null,
  unique (region_id, year, programme_id)
);

create table delivery.admin_cost (
  id             uuid          primary key,
  budget_line_id uuid          not null references delivery.budget_line (id),
  region_id      uuid          not null,
  incurred_on    date          not null,
  amount         numeric(14,2) not null check (amount > 0),
  description    text          not null check (length(trim(description)) > 0),
  recorded_at    timestamptz   not null,
  recorded_by    text          not null
);
create index admin_cost_line on delivery.admin_cost (budget_line_id);
-- Paid claim lines by service, for what a budget line spent.
create index claim_line_service on delivery.claim_line (region_id, service_type_id);

do $$
declare t text;
begin
  foreach t in array array['budget_line', 'admin_cost'] loop
    execute format('alter table delivery.%I enable row level security', t);
    execute format('alter table delivery.%I force row level security', t);
    execute format('create policy %I on delivery.%I for all
                      using (platform.scope_allows(region_id, null)
                             and platform.acts_as_any(array[''REGIONAL_OFFICER'', ''MINISTRY_ANALYST'']))
                      with check (platform.scope_allows(region_id, null)
                                  and platform.acts_as_any(array[''REGIONAL_OFFICER'']))',
                   t || '_region', t);
  end loop;
end $$;

grant select, insert on delivery.budget_line, delivery.admin_cost to ${app_role};
