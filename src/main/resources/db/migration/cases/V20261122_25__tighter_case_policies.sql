-- Writes to a case's records need what reading them needs: the case's workers (or the system), or
-- a member of its team. Territory alone let any account of the municipality (a beneficiary's, say)
-- write rows it could not read.
do $$
declare t text;
begin
  alter policy client_case_scope on cases.client_case
    with check (cases.may_see(id, region_id, municipality_id));
  alter policy case_member_scope on cases.case_member
    with check (cases.may_see(case_id, region_id, municipality_id));
  alter policy case_note_scope on cases.case_note
    with check (cases.may_see(case_id, region_id, municipality_id));
  foreach t in array array['case_step', 'conference', 'task', 'referral', 'case_event',
                           'assessment', 'service_plan', 'plan_service'] loop
    execute format('alter policy %I on cases.%I
                      with check (cases.may_see(case_id, region_id, municipality_id))',
                   t || '_scope', t);
  end loop;
end $$;

-- A provider's staff read the agreements their organisation is party to and answer those still
-- proposed; they neither draw agreements up nor change their terms.
do $$
declare t text;
begin
  foreach t in array array['agreement', 'agreement_service'] loop
    execute format('drop policy %I on cases.%I', t || '_scope', t);
    execute format('create policy %I on cases.%I for all
                      using (cases.may_see(case_id, region_id, municipality_id))
                      with check (cases.may_see(case_id, region_id, municipality_id))',
                   t || '_scope', t);
    execute format('create policy %I on cases.%I for select
                      using (providers.acts_for(provider_id))', t || '_provider', t);
  end loop;
end $$;
create policy agreement_provider_answer on cases.agreement for update
  using (providers.acts_for(provider_id) and status = 'PROPOSED')
  with check (providers.acts_for(provider_id));

-- Notices: the provider reads its own and marks them seen.
drop policy provider_notice_scope on cases.provider_notice;
create policy provider_notice_scope on cases.provider_notice for all
  using (cases.may_see(case_id, region_id, municipality_id))
  with check (cases.may_see(case_id, region_id, municipality_id));
create policy provider_notice_provider_read on cases.provider_notice for select
  using (providers.acts_for(provider_id));
create policy provider_notice_provider_seen on cases.provider_notice for update
  using (providers.acts_for(provider_id))
  with check (providers.acts_for(provider_id));
revoke update on cases.provider_notice from ${app_role};
grant update (seen_at, seen_by) on cases.provider_notice to ${app_role};

-- A beneficiary's account reads its own access and nothing more of it.
drop policy case_access_scope on cases.case_access;
create policy case_access_scope on cases.case_access for all
  using (cases.may_see(case_id, region_id, municipality_id))
  with check (cases.may_see(case_id, region_id, municipality_id));
create policy case_access_own on cases.case_access for select
  using (user_id = platform.current_user_id() and ended_at is null);

-- A message, once sent, is never rewritten: either side only marks the other's read.
alter policy client_message_scope on cases.client_message
  with check (cases.may_see(case_id, region_id, municipality_id));
revoke update on cases.client_message from ${app_role};
grant update (read_at) on cases.client_message to ${app_role};

-- The services of a case's plans are read by case: every plan page and choice list does.
create index plan_service_case on cases.plan_service (case_id);
