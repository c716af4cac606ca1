-- The register's own history: every suspension, exclusion and reinstatement of a registered
-- service, with who decided it and why. The register is public, and so is its history.
create table providers.register_event (
  id                    uuid        primary key,
  registered_service_id uuid        not null references providers.registered_service (id),
  provider_id           uuid        not null references providers.provider (id),
  region_id             uuid        not null,
  at                    timestamptz not null default now(),
  actor_name            text        not null,
  kind                  text        not null check (kind in ('SUSPENDED', 'EXCLUDED', 'REINSTATED')),
  reason                text        not null
);
create index register_event_provider on providers.register_event (provider_id, at);

alter table providers.register_event enable row level security;
alter table providers.register_event force row level security;
create policy register_event_read on providers.register_event for select using (true);
create policy register_event_write on providers.register_event for insert
  with check (platform.scope_allows(region_id, null));
