-- The directory of colleagues: who may be called to work in a municipality. A municipal worker must
-- find the regional health specialist whose account their own scope hides, so the directory reads
-- past the territorial policy, in the transaction that asks (it sees the users that transaction
-- created), and returns only a name, a sector and a scope level.
create function accounts.colleagues_reaching(p_region uuid, p_municipality uuid, p_role text)
returns table (id uuid, username text, display_name text, sector text, scope_level text)
language plpgsql security definer set search_path = pg_catalog as $$
declare
  previous text := current_setting('socius.scope_level', true);
begin
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
grant execute on function accounts.colleagues_reaching(uuid, uuid, text) to ${app_role};
