-- Duplicates found after registration are merged on review: one worker proposes, someone else
-- approves. The duplicate's incomes and household memberships pass to the person kept; the
-- duplicate's record remains, marked merged, and is no longer offered as a candidate.
create table people.merge (
  id              uuid        primary key,
  kept_id         uuid        not null references people.person (id),
  duplicate_id    uuid        not null references people.person (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  reason          text        not null check (length(trim(reason)) > 0),
  status          text        not null check (status in ('PROPOSED', 'MERGED', 'REJECTED')),
  proposed_by     text        not null,
  proposed_at     timestamptz not null default now(),
  decided_by      text,
  decided_at      timestamptz,
  note            text,
  check (kept_id <> duplicate_id)
);
create unique index merge_one_open on people.merge (duplicate_id) where status = 'PROPOSED';
create unique index merge_once on people.merge (duplicate_id) where status = 'MERGED';
create index merge_kept on people.merge (kept_id);

alter table people.merge enable row level security;
alter table people.merge force row level security;
create policy merge_scope on people.merge for all
  using (platform.scope_allows(region_id, municipality_id))
  with check (platform.scope_allows(region_id, municipality_id));
