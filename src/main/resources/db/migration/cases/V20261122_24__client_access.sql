-- The client's own view of their case. A worker gives a beneficiary's account access to a case, as
-- the client or as their representative; that account then reads the case's steps, plan and
-- agreements (never its notes, conferences, tasks or assessments), changes a provider, and
-- exchanges messages with the worker. Providers are told when a client leaves or chooses them.
create table cases.case_access (
  id              uuid        primary key,
  case_id         uuid        not null references cases.client_case (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  user_id         uuid        not null,
  -- The account's name when access was given, as the case shows it.
  display_name    text        not null,
  capacity        text        not null check (capacity in ('CLIENT', 'REPRESENTATIVE')),
  given_at        timestamptz not null,
  given_by        text        not null,
  ended_at        timestamptz,
  ended_by        text
);
create unique index case_access_one_live on cases.case_access (case_id, user_id) where ended_at is null;
create index case_access_user on cases.case_access (user_id) where ended_at is null;

-- Whether the acting user has access to a case as its client or their representative. Security
-- definer, like cases.is_member: it reads the access past the policies that ask it.
create function cases.speaks_for(p_case uuid) returns boolean
language sql stable security definer set search_path = pg_catalog as $$
  select exists (select 1 from cases.case_access a
                 where a.case_id = p_case and a.user_id = platform.current_user_id()
                   and a.ended_at is null)
$$;
grant execute on function cases.speaks_for(uuid) to ${app_role};

-- No FORCE, as on case_member: the owner's definer function above reads it whole.
alter table cases.case_access enable row level security;
create policy case_access_scope on cases.case_access for all
  using (cases.may_see(case_id, region_id, municipality_id)
         or (user_id = platform.current_user_id() and ended_at is null))
  with check (platform.scope_allows(region_id, municipality_id));

-- What the client reads of their own case: added beside the policies of those who work on it.
-- Read only; whatever the client changes, the application does for them after checking access.
do $$
declare t text;
begin
  execute 'create policy client_case_client on cases.client_case for select
             using (platform.acts_as_any(array[''BENEFICIARY'']) and cases.speaks_for(id))';
  foreach t in array array['case_step', 'service_plan', 'plan_service', 'agreement',
                           'agreement_service'] loop
    execute format('create policy %I on cases.%I for select
                      using (platform.acts_as_any(array[''BENEFICIARY''])
                             and cases.speaks_for(case_id))', t || '_client', t);
  end loop;
end $$;

-- Messages between the client and the workers of their case.
create table cases.client_message (
  id              uuid        primary key,
  case_id         uuid        not null references cases.client_case (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  -- From the client's side (the client or their representative), or from a worker.
  from_client     boolean     not null,
  author          text        not null,
  author_name     text        not null,
  body            text        not null check (length(trim(body)) > 0 and length(body) <= 4000),
  sent_at         timestamptz not null,
  -- When the other side read it.
  read_at         timestamptz
);
create index client_message_case on cases.client_message (case_id, sent_at);

alter table cases.client_message enable row level security;
alter table cases.client_message force row level security;
create policy client_message_scope on cases.client_message for all
  using (cases.may_see(case_id, region_id, municipality_id))
  with check (platform.scope_allows(region_id, municipality_id));
-- The client reads the conversation, writes only as the client, and marks the worker's replies read.
create policy client_message_client_read on cases.client_message for select
  using (platform.acts_as_any(array['BENEFICIARY']) and cases.speaks_for(case_id));
create policy client_message_client_write on cases.client_message for insert
  with check (platform.acts_as_any(array['BENEFICIARY']) and cases.speaks_for(case_id)
              and from_client);
create policy client_message_client_mark on cases.client_message for update
  using (platform.acts_as_any(array['BENEFICIARY']) and cases.speaks_for(case_id)
         and not from_client)
  with check (platform.acts_as_any(array['BENEFICIARY']) and cases.speaks_for(case_id)
              and not from_client);

-- What a provider is told about its clients: one chose it, one left it.
create table cases.provider_notice (
  id              uuid        primary key,
  provider_id     uuid        not null,
  case_id         uuid        not null references cases.client_case (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  agreement_id    uuid        not null references cases.agreement (id),
  kind            text        not null check (kind in ('CLIENT_CHOSE', 'CLIENT_LEFT')),
  service_name    text        not null,
  client_name     text        not null,
  created_at      timestamptz not null,
  seen_at         timestamptz,
  seen_by         text
);
create index provider_notice_provider on cases.provider_notice (provider_id, created_at desc);

alter table cases.provider_notice enable row level security;
alter table cases.provider_notice force row level security;
create policy provider_notice_scope on cases.provider_notice for all
  using (cases.may_see(case_id, region_id, municipality_id) or providers.acts_for(provider_id))
  with check (platform.scope_allows(region_id, municipality_id)
              or providers.acts_for(provider_id));

-- Why an agreement ended, as a code the reader's language names: the plan was replaced by a new
-- version, the client chose another provider, or the case closed.
update cases.agreement set end_reason = 'PLAN_REPLACED' where end_reason is not null;
alter table cases.agreement add constraint agreement_end_reason
  check (end_reason in ('PLAN_REPLACED', 'CLIENT_CHOSE_ANOTHER', 'CASE_CLOSED'));
