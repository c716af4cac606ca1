-- A run's summary is kept once, with its result (written in the run's own transaction), rather than
-- also on the run's row. Appeals are found by their decision whenever a decision is read.
alter table benefits.recertification_run drop column summary;
create index appeal_decision on benefits.appeal (decision_id);
