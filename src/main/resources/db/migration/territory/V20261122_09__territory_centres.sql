-- The centre of a territorial unit: where "near Harbour City" or an address in Old Town is
-- measured from when no exact position is known.
alter table territory.unit
  add column latitude  double precision,
  add column longitude double precision,
  add constraint unit_centre check (
    (latitude is null and longitude is null)
    or (latitude between -90 and 90 and longitude between -180 and 180));
