-- A case's current step is the one not yet completed: kept once, in its steps, rather than also
-- as a number on the case. At most one step of a case is open at a time.
alter table cases.client_case drop column current_step;
create unique index case_step_one_open on cases.case_step (case_id) where completed_at is null;
