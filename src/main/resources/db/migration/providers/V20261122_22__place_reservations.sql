-- Places in the register held by clients who chose a provider. A registered service's occupied
-- count is the number of places held. Taking one is a single conditional update of that count, so
-- that of two workers choosing the last free place at once exactly one gets it and the other is
-- told; the reservation row says who holds each place, so that it can be given back.
create table providers.place_reservation (
  id                     uuid        primary key,
  registered_service_id  uuid        not null references providers.registered_service (id),
  provider_id            uuid        not null references providers.provider (id),
  region_id              uuid        not null,
  -- The client's territory: a case worker there takes and gives back the place.
  client_region_id       uuid        not null,
  client_municipality_id uuid        not null,
  -- What holds the place in the module that took it (a line of an individual plan).
  holder_id              uuid        not null,
  reserved_at            timestamptz not null,
  released_at            timestamptz
);
create index place_reservation_service on providers.place_reservation (registered_service_id)
  where released_at is null;

alter table providers.place_reservation enable row level security;
alter table providers.place_reservation force row level security;
create policy place_reservation_read on providers.place_reservation for select
  using (platform.scope_allows(region_id, null)
         or platform.scope_allows(client_region_id, client_municipality_id));
-- Written by the functions below (in the system's scope) or by the provider's region.
create policy place_reservation_write on providers.place_reservation for all
  using (platform.scope_allows(region_id, null))
  with check (platform.scope_allows(region_id, null));

-- Takes a place of an active registered service for a client of the caller's territory; the new
-- reservation's id, or null when no place is free (or the service is not active). A case worker's
-- scope does not reach the provider's region-level row, so the place is taken past the policies,
-- after checking that the client is the caller's.
create function providers.take_place(p_service uuid, p_holder uuid, p_client_region uuid,
                                     p_client_municipality uuid, p_at timestamptz)
returns uuid
language plpgsql security definer set search_path = pg_catalog as $$
declare
  previous text := current_setting('socius.scope_level', true);
  taken providers.registered_service%rowtype;
  reservation uuid;
begin
  if not platform.scope_allows(p_client_region, p_client_municipality) then
    raise exception 'the client is outside the caller''s territory' using errcode = '42501';
  end if;
  perform set_config('socius.scope_level', 'SYSTEM', true);
  update providers.registered_service set occupied = occupied + 1
    where id = p_service and status = 'ACTIVE' and occupied < capacity
    returning * into taken;
  if found then
    reservation := gen_random_uuid();
    insert into providers.place_reservation (id, registered_service_id, provider_id, region_id,
        client_region_id, client_municipality_id, holder_id, reserved_at)
      values (reservation, taken.id, taken.provider_id, taken.region_id, p_client_region,
        p_client_municipality, p_holder, p_at);
  end if;
  perform set_config('socius.scope_level', coalesce(previous, ''), true);
  return reservation;
end
$$;

-- Gives a place back; false if it was given back already or is not the caller's territory's.
create function providers.give_back_place(p_reservation uuid, p_at timestamptz)
returns boolean
language plpgsql security definer set search_path = pg_catalog as $$
declare
  previous text := current_setting('socius.scope_level', true);
  held providers.place_reservation%rowtype;
  released boolean;
begin
  select * into held from providers.place_reservation where id = p_reservation;
  if not found or held.released_at is not null
     or not platform.scope_allows(held.client_region_id, held.client_municipality_id) then
    return false;
  end if;
  perform set_config('socius.scope_level', 'SYSTEM', true);
  update providers.place_reservation set released_at = p_at
    where id = p_reservation and released_at is null;
  released := found;
  if released then
    update providers.registered_service set occupied = occupied - 1
      where id = held.registered_service_id and occupied > 0;
  end if;
  perform set_config('socius.scope_level', coalesce(previous, ''), true);
  return released;
end
$$;

-- Whether the acting user works for a provider: what lets provider staff see the agreements their
-- organisation is party to, wherever its clients live. Membership is read past its own policy
-- (hence no FORCE on it: the policy still binds the application's role).
alter table providers.member no force row level security;
create function providers.acts_for(p_provider uuid) returns boolean
language sql stable security definer set search_path = pg_catalog as $$
  select exists (select 1 from providers.member m
                 where m.provider_id = p_provider and m.user_id = platform.current_user_id())
$$;

grant execute on function providers.take_place(uuid, uuid, uuid, uuid, timestamptz) to ${app_role};
grant execute on function providers.give_back_place(uuid, timestamptz) to ${app_role};
grant execute on function providers.acts_for(uuid) to ${app_role};
