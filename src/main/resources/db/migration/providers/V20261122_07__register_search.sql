-- Searching the register by distance: each registered service carries its point's position on
-- the earth and its provider's type, so that one GiST index answers "the nearest services of
-- this type" without sorting every row.
-- Row-level security binds the owner too; a migration that rewrites rows acts for the system.
select set_config('socius.scope_level', 'SYSTEM', true);

alter table providers.registered_service
  add column earth cube,
  add column provider_type text;

update providers.registered_service r
   set earth = ll_to_earth(sp.latitude, sp.longitude), provider_type = p.provider_type
  from providers.service_point sp, providers.provider p
 where sp.id = r.service_point_id and p.id = r.provider_id;

alter table providers.registered_service
  alter column earth set not null,
  alter column provider_type set not null;

create index registered_service_nearest on providers.registered_service
  using gist (service_type_id, earth) where status = 'ACTIVE';
create index registered_service_earth on providers.registered_service
  using gist (earth) where status = 'ACTIVE';
