-- A recertification of one region reads its members in household order as a stream (no sort):
-- along this index it walks only the region's members, where the household index alone would make
-- it walk the whole country's and set the others aside.
create index household_member_region_household on people.household_member (region_id, household_id);
