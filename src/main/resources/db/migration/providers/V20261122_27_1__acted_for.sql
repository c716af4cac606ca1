-- The providers the acting user works for, all at once: a policy that asks it in a subquery asks
-- once per statement, where providers.acts_for is asked once per row (a set of delivery records
-- is ten thousand rows).
create function providers.acted_for() returns setof uuid
language sql stable security definer set search_path = pg_catalog as $$
  select m.provider_id from providers.member m where m.user_id = platform.current_user_id()
$$;
grant execute on function providers.acted_for() to ${app_role};
