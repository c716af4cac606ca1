-- Open entitlements had two indexes on the same rows and columns: one by programme (a programme's
-- entitlements in household order, which a recertification loads) and one by household (at most
-- one open entitlement of a household in a programme). One unique index by programme does both:
-- uniqueness does not depend on the columns' order. A recertification opening a hundred thousand
-- entitlements keeps one index fewer; a household's own are found by entitlement_household.
drop index benefits.entitlement_programme;
drop index benefits.entitlement_one_open;
create unique index entitlement_one_open on benefits.entitlement (programme_id, household_id)
  where valid_to is null;
