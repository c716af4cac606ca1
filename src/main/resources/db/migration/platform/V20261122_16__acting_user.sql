-- Who acts in the current transaction, beside the territory: the user's id and roles, set by the
-- application with the scope. Some rows are visible to a user rather than to a territory (a team
-- member sees only the cases they are on), and some only to certain roles (restricted case notes).
create function platform.current_user_id() returns uuid
language sql stable parallel safe as $$
  select nullif(current_setting('socius.user_id', true), '')::uuid
$$;

-- True when the acting user holds any of the given roles; the system's own work holds them all.
create function platform.acts_as_any(p_roles text[]) returns boolean
language sql stable parallel safe as $$
  select current_setting('socius.scope_level', true) = 'SYSTEM'
    or string_to_array(nullif(current_setting('socius.roles', true), ''), ',') && p_roles
$$;
