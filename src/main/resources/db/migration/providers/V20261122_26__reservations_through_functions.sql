-- Places are taken and given back only through providers.take_place and give_back_place, which
-- act in the system's scope after their own checks.
alter policy place_reservation_write on providers.place_reservation
  using (current_setting('socius.scope_level', true) = 'SYSTEM')
  with check (current_setting('socius.scope_level', true) = 'SYSTEM');
