-- A contribution programme says what a client pays toward the social services of their plan: its
-- criteria say who pays (a failing criterion makes the services free and names why) and its
-- formula the monthly ceiling of the payment. It is not applied for; agreements with providers
-- read it.
alter table programmes.programme drop constraint programme_kind_check;
alter table programmes.programme add constraint programme_kind_check
  check (kind in ('CASH', 'IN_KIND', 'SERVICE', 'VOUCHER', 'CONTRIBUTION'));
