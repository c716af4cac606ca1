-- A provider's staff answer a proposed agreement, accepting or declining it, and change nothing
-- else of it: the row-level policy lets them update the row, this trigger keeps the terms as they
-- were drawn up. Those who run the case (and the system's own work) are not held by it.
create function cases.provider_answers_only() returns trigger
language plpgsql as $$
begin
  if current_setting('socius.scope_level', true) = 'SYSTEM'
     or platform.acts_as_any(array['CASE_WORKER', 'REGIONAL_OFFICER'])
     or not providers.acts_for(old.provider_id) then
    return new;
  end if;
  if (new.id, new.reference, new.case_id, new.region_id, new.municipality_id, new.plan_id,
      new.provider_id, new.provider_name, new.client_name, new.client_birth_date,
      new.client_address, new.language, new.starts_on, new.ends_on, new.currency,
      new.monthly_cost, new.monthly_copayment, new.contribution::text, new.drawn_at,
      new.drawn_by, new.ended_on, new.end_reason)
     is distinct from
     (old.id, old.reference, old.case_id, old.region_id, old.municipality_id, old.plan_id,
      old.provider_id, old.provider_name, old.client_name, old.client_birth_date,
      old.client_address, old.language, old.starts_on, old.ends_on, old.currency,
      old.monthly_cost, old.monthly_copayment, old.contribution::text, old.drawn_at,
      old.drawn_by, old.ended_on, old.end_reason)
     or new.status not in ('ACCEPTED', 'DECLINED') then
    raise exception 'A provider answers an agreement and changes nothing else of it'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;

create trigger agreement_provider_answers_only before update on cases.agreement
  for each row execute function cases.provider_answers_only();
