-- Benefits: the workflow of each programme's applications, applications and their steps, public
-- notices with objections, decisions with their explanations, appeals, entitlements, and
-- recertification runs. Decisions never change once written: a later decision supersedes one.
create schema benefits;
grant usage on schema benefits to ${app_role};

-- How a programme's applications are decided: the steps in order, each with the working days it may
-- take and the role that acts; the urgent path keeps only the steps marked for it and must end
-- within urgent_hours of submission.
create table benefits.workflow (
  programme_id        uuid  primary key,
  steps               jsonb not null,
  urgent_hours        int   check (urgent_hours between 1 and 240),
  appeal_working_days int   not null default 20 check (appeal_working_days between 1 and 260),
  version             int   not null default 0
);

create sequence benefits.application_number;

create table benefits.application (
  id              uuid        primary key,
  -- What public notices show instead of a name.
  reference       text        not null unique,
  programme_id    uuid        not null,
  household_id    uuid        not null,
  applicant_id    uuid        not null,
  region_id       uuid        not null,
  municipality_id uuid        not null,
  channel         text        not null check (channel in ('PERSON', 'REPRESENTATIVE', 'PROACTIVE')),
  representative  text        not null default '',
  urgent          boolean     not null default false,
  -- The applicant's language: decisions are printed in it.
  language        text        not null default 'en',
  status          text        not null check (status in ('IN_PROGRESS', 'GRANTED', 'REFUSED', 'WITHDRAWN')),
  current_step    int,
  submitted_at    timestamptz not null,
  submitted_by    text        not null,
  decision_id     uuid,
  version         int         not null default 0
);
create index application_household on benefits.application (household_id);
create index application_municipality on benefits.application (municipality_id, status);
-- One open application of a household for a programme at a time.
create unique index application_one_open on benefits.application (household_id, programme_id)
  where status = 'IN_PROGRESS';

create table benefits.application_step (
  application_id  uuid        not null references benefits.application (id),
  position        int         not null,
  kind            text        not null check (kind in ('INVESTIGATION', 'OPINION', 'PUBLIC_NOTICE', 'APPROVAL')),
  role            text        not null,
  working_days    int         not null,
  region_id       uuid        not null,
  municipality_id uuid        not null,
  started_at      timestamptz,
  due_at          timestamptz,
  completed_at    timestamptz,
  completed_by    text,
  note            text        not null default '',
  primary key (application_id, position)
);

-- Evidence the applicant brought or the investigation gathered.
create table benefits.evidence (
  id              uuid        primary key,
  application_id  uuid        not null references benefits.application (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  kind            text        not null check (kind in ('IDENTITY', 'INCOME', 'HOUSEHOLD', 'DISABILITY',
                                'HOUSING', 'VISIT_REPORT', 'INQUIRY_LETTER', 'OTHER')),
  description     text        not null check (length(trim(description)) > 0),
  received_on     date        not null,
  recorded_by     text        not null,
  recorded_at     timestamptz not null default now()
);
create index evidence_application on benefits.evidence (application_id);

-- A provisional decision shown to the public for objections: no name, no address.
create table benefits.public_notice (
  application_id    uuid        primary key references benefits.application (id),
  region_id         uuid        not null,
  municipality_id   uuid        not null,
  reference         text        not null,
  programme_name    text        not null,
  municipality_name text        not null,
  household_size    int         not null,
  eligible          boolean     not null,
  amount_cents      bigint      not null,
  published_on      date        not null,
  ends_on           date        not null
);
create index public_notice_open on benefits.public_notice (ends_on);
-- Objections find their notice by its public reference.
create unique index public_notice_reference on benefits.public_notice (reference);

create table benefits.objection (
  id              uuid        primary key,
  application_id  uuid        not null references benefits.application (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  text            text        not null check (length(trim(text)) > 0),
  received_at     timestamptz not null default now(),
  answered_at     timestamptz,
  answered_by     text,
  answer          text
);
create index objection_application on benefits.objection (application_id);

create table benefits.recertification_run (
  id                 uuid        primary key,
  programme_id       uuid        not null,
  -- A what-if run evaluates a draft version and changes nothing.
  what_if            boolean     not null,
  programme_version_id uuid      not null,
  -- null: the whole nation
  region_id          uuid,
  effective_on       date        not null,
  status             text        not null check (status in ('RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED')),
  total              bigint      not null default 0,
  processed          bigint      not null default 0,
  summary            jsonb,
  failure            text,
  started_at         timestamptz not null default now(),
  heartbeat_at       timestamptz not null default now(),
  finished_at        timestamptz,
  started_by         text        not null
);
-- A run's outcome, written in the run's own transaction: its presence means the run's decisions and
-- entitlements are in place (the run's row is updated by the progress reports meanwhile).
create table benefits.recertification_result (
  run_id      uuid        primary key references benefits.recertification_run (id),
  processed   bigint      not null,
  summary     jsonb       not null,
  finished_at timestamptz not null default now()
);
-- One recertification of a programme at a time; what-if runs change nothing and may overlap.
create unique index recertification_one_running on benefits.recertification_run (programme_id)
  where status = 'RUNNING' and not what_if;

create table benefits.decision (
  id                   uuid        primary key,
  programme_id         uuid        not null,
  programme_version_id uuid        not null,
  household_id         uuid        not null,
  application_id       uuid,
  run_id               uuid,
  region_id            uuid        not null,
  municipality_id      uuid        not null,
  -- GRANTED and REFUSED decide an application; KEPT, CHANGED and ENDED come of a recertification.
  outcome              text        not null check (outcome in ('GRANTED', 'REFUSED', 'KEPT', 'CHANGED', 'ENDED')),
  amount_cents         bigint      not null check (amount_cents >= 0),
  previous_cents       bigint,
  decided_on           date        not null,
  decided_by           text        not null,
  -- Each criterion with the values it used and whether it passed, and the formula's values. JSON
  -- kept as written (json, not jsonb): a recertification writes a million of them, and nothing
  -- searches inside them.
  explanation          json        not null,
  decided_at           timestamptz not null default now()
);
create index decision_household on benefits.decision (household_id, decided_on);

create table benefits.appeal (
  id              uuid        primary key,
  decision_id     uuid        not null references benefits.decision (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  reason          text        not null check (length(trim(reason)) > 0),
  lodged_at       timestamptz not null default now(),
  lodged_by       text        not null,
  due_on          date        not null,
  status          text        not null check (status in ('OPEN', 'UPHELD', 'DISMISSED')),
  resolution      text,
  resolved_by     text,
  resolved_at     timestamptz,
  new_decision_id uuid
);
create unique index appeal_one_open on benefits.appeal (decision_id) where status = 'OPEN';

-- What a household receives from a programme, month by month, over a period.
create table benefits.entitlement (
  id              uuid        primary key,
  programme_id    uuid        not null,
  household_id    uuid        not null,
  region_id       uuid        not null,
  municipality_id uuid        not null,
  decision_id     uuid        not null,
  amount_cents    bigint      not null check (amount_cents > 0),
  valid_from      date        not null,
  valid_to        date,
  check (valid_to is null or valid_to > valid_from)
);
create index entitlement_programme on benefits.entitlement (programme_id, household_id) where valid_to is null;
-- One open entitlement of a household in a programme. Periods are only ever closed on the date the
-- next one opens, so open ones are all that can collide; a b-tree keeps a recertification of a
-- million entitlements fast, where a range exclusion (GiST) made it several times slower.
create unique index entitlement_one_open on benefits.entitlement (household_id, programme_id)
  where valid_to is null;
create index entitlement_household on benefits.entitlement (household_id);

do $$
declare t text;
begin
  foreach t in array array['application', 'application_step', 'evidence', 'objection', 'decision',
                           'appeal', 'entitlement'] loop
    execute format('alter table benefits.%I enable row level security', t);
    execute format('alter table benefits.%I force row level security', t);
    execute format('create policy %I on benefits.%I for all
                      using (platform.scope_allows(region_id, municipality_id))
                      with check (platform.scope_allows(region_id, municipality_id))', t || '_scope', t);
  end loop;
end $$;
-- Public notices are public: anyone may read the open ones; only the application's territory writes.
alter table benefits.public_notice enable row level security;
alter table benefits.public_notice force row level security;
create policy public_notice_read on benefits.public_notice for select using (true);
create policy public_notice_write on benefits.public_notice for insert
  with check (platform.scope_allows(region_id, municipality_id));
create policy public_notice_change on benefits.public_notice for update
  using (platform.scope_allows(region_id, municipality_id));
grant usage on sequence benefits.application_number to ${app_role};
