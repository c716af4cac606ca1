-- The directory answers only for a territory the caller works in: it reads past the territorial
-- policy, so it checks the caller's reach itself, as providers.take_place does.
create or replace function accounts.colleagues_reaching(p_region uuid, p_municipality uuid, p_role text)
returns table (id uuid, username text, display_name text, sector text, scope_level text)
language plpgsql security definer set search_path = pg_catalog as $$
declare
  previous text := current_setting('socius.scope_level', true);
begin
  if not platform.scope_allows(p_region, p_municipality) then
    raise exception 'the territory is outside the caller''s' using errcode = '42501';
  end if;
  -- user_account is FORCE ROW LEVEL SECURITY, which binds this function's owner too: the system's
  -- scope is lent for this one query and given back.
  perform set_config('socius.scope_level', 'SYSTEM', true);
  return query
    select u.id, u.username, u.display_name, u.sector, u.scope_level
    from accounts.user_account u
    where u.enabled and p_role = any (u.roles)
      and (u.scope_level = 'NATIONAL'
           or (u.scope_level = 'REGION' and u.region_id = p_region)
           or (u.scope_level = 'MUNICIPALITY' and u.municipality_id = p_municipality))
    order by u.display_name, u.username;
  perform set_config('socius.scope_level', coalesce(previous, ''), true);
end
$$;
