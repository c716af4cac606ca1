-- Case management: requests for help taken in at one window and the cases they open, each case's
-- steps with their deadlines, the team around it, notes, conferences, tasks, referrals, and the
-- assessments scored with instruments defined as data.
create schema cases;
grant usage on schema cases to ${app_role};

create sequence cases.case_number;

create table cases.client_case (
  id              uuid        primary key,
  -- Quoted on letters and on the phone instead of a name.
  reference       text        not null unique,
  person_id       uuid        not null,
  region_id       uuid        not null,
  municipality_id uuid        not null,
  sector          text        not null check (sector in ('SOCIAL_PROTECTION', 'HEALTH', 'EDUCATION', 'EMPLOYMENT')),
  source          text        not null check (source in ('PERSON', 'REPRESENTATIVE', 'AGENCY', 'HOTLINE', 'COMMUNITY')),
  -- Who brought the request when it was not the person: a representative, an agency, a neighbour.
  requester       text        not null default '',
  request         text        not null check (length(trim(request)) > 0),
  urgent          boolean     not null default false,
  language        text        not null default 'en',
  status          text        not null check (status in ('OPEN', 'CLOSED')),
  current_step    int,
  worker_id       uuid,
  worker_name     text        not null default '',
  opened_at       timestamptz not null,
  opened_by       text        not null,
  closed_at       timestamptz,
  outcome         text        check (outcome in ('GOALS_MET', 'PARTLY_MET', 'NOT_MET', 'REFUSED', 'MOVED_AWAY', 'DIED', 'TRANSFERRED')),
  version         int         not null default 0
);
create index client_case_person on cases.client_case (person_id);
create index client_case_worker on cases.client_case (worker_id, status);
create index client_case_municipality on cases.client_case (municipality_id, status, opened_at desc);

-- A case's steps in the order it reached them; monitoring repeats, one row per review.
create table cases.case_step (
  case_id         uuid        not null references cases.client_case (id),
  seq             int         not null,
  kind            text        not null check (kind in ('INITIAL_EVALUATION', 'INTERVENTION_PLAN',
                    'COMPLEX_EVALUATION', 'INDIVIDUAL_PLAN', 'IMPLEMENTATION', 'MONITORING', 'CLOSURE')),
  role            text        not null,
  region_id       uuid        not null,
  municipality_id uuid        not null,
  started_on      date        not null,
  due_on          date        not null,
  completed_at    timestamptz,
  completed_by    text,
  record          text        not null default '',
  primary key (case_id, seq)
);
create index case_step_open_due on cases.case_step (due_on) where completed_at is null;

create table cases.case_member (
  id              uuid        primary key,
  case_id         uuid        not null references cases.client_case (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  user_id         uuid        not null,
  username        text        not null,
  display_name    text        not null,
  sector          text,
  -- What the member does on this case, in the worker's words: "psychologist", "family doctor".
  role_in_case    text        not null check (length(trim(role_in_case)) > 0),
  joined_at       timestamptz not null,
  joined_by       text        not null,
  left_at         timestamptz
);
create unique index case_member_present on cases.case_member (case_id, user_id) where left_at is null;
create index case_member_user on cases.case_member (user_id) where left_at is null;

create table cases.case_note (
  id              uuid        primary key,
  case_id         uuid        not null references cases.client_case (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  -- A restricted note (a disclosure, a safeguarding concern) is for the case workers alone.
  restricted      boolean     not null,
  text            text        not null check (length(trim(text)) > 0),
  written_at      timestamptz not null,
  written_by      text        not null
);
create index case_note_case on cases.case_note (case_id, written_at);

create table cases.conference (
  id              uuid        primary key,
  case_id         uuid        not null references cases.client_case (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  held_on         date        not null,
  participants    text        not null check (length(trim(participants)) > 0),
  minutes         text        not null check (length(trim(minutes)) > 0),
  decisions       text        not null default '',
  recorded_by     text        not null,
  recorded_at     timestamptz not null
);
create index conference_case on cases.conference (case_id, held_on);

create table cases.task (
  id              uuid        primary key,
  case_id         uuid        not null references cases.client_case (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  title           text        not null check (length(trim(title)) > 0),
  assignee        text        not null,
  due_on          date        not null,
  done_at         timestamptz,
  done_by         text,
  created_by      text        not null,
  created_at      timestamptz not null
);
create index task_case on cases.task (case_id);
create index task_open on cases.task (assignee, due_on) where done_at is null;

-- A referral to another agency, an NGO or a charity; made only with the person's consent to share
-- their data, which the application checks at the time and the row remembers.
create table cases.referral (
  id              uuid        primary key,
  case_id         uuid        not null references cases.client_case (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  to_kind         text        not null check (to_kind in ('AGENCY', 'NGO', 'CHARITY')),
  to_name         text        not null check (length(trim(to_name)) > 0),
  sector          text        check (sector in ('SOCIAL_PROTECTION', 'HEALTH', 'EDUCATION', 'EMPLOYMENT')),
  reason          text        not null check (length(trim(reason)) > 0),
  consent_id      uuid        not null,
  referred_at     timestamptz not null,
  referred_by     text        not null
);
create index referral_case on cases.referral (case_id);

-- What happened to a case, in order: the history shown on its page.
create table cases.case_event (
  case_id         uuid        not null references cases.client_case (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  at              timestamptz not null,
  actor           text        not null,
  kind            text        not null,
  detail          text        not null default ''
);
create index case_event_case on cases.case_event (case_id, at);

-- Assessment instruments are data: sections of questions on answer scales, scores summed from
-- answers, and results read from a score's bands. A version, once used, never changes.
create table cases.instrument (
  id              uuid        primary key,
  code            text        not null check (code ~ '^[A-Z0-9-]{2,32}$'),
  version_number  int         not null check (version_number > 0),
  name            text        not null,
  definition      jsonb       not null,
  created_at      timestamptz not null default now(),
  created_by      text        not null,
  unique (code, version_number)
);

create table cases.assessment (
  id              uuid        primary key,
  case_id         uuid        not null references cases.client_case (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  instrument_id   uuid        not null references cases.instrument (id),
  answers         jsonb       not null,
  scores          jsonb       not null,
  results         jsonb       not null,
  assessed_on     date        not null,
  assessed_by     text        not null,
  recorded_at     timestamptz not null
);
create index assessment_case on cases.assessment (case_id, assessed_on);

-- Whether the acting user is on a case's team now. Security definer: it reads memberships past the
-- policies below, which themselves ask it (a policy cannot query its own table).
create function cases.is_member(p_case uuid) returns boolean
language sql stable security definer set search_path = pg_catalog as $$
  select exists (select 1 from cases.case_member m
                 where m.case_id = p_case and m.user_id = platform.current_user_id()
                   and m.left_at is null)
$$;

-- Case workers and regional officers see every case of their territory; anyone else in the
-- territory (a team specialist) only the cases they are on.
create function cases.may_see(p_case uuid, p_region uuid, p_municipality uuid) returns boolean
language sql stable as $$
  select platform.scope_allows(p_region, p_municipality)
    and (platform.acts_as_any(array['CASE_WORKER', 'REGIONAL_OFFICER']) or cases.is_member(p_case))
$$;

-- Row-level security without FORCE on case_member: its owner's definer function above reads it
-- whole; the application's role is bound by the policy all the same.
alter table cases.case_member enable row level security;
create policy case_member_scope on cases.case_member for all
  using (cases.may_see(case_id, region_id, municipality_id))
  with check (platform.scope_allows(region_id, municipality_id));

alter table cases.client_case enable row level security;
alter table cases.client_case force row level security;
create policy client_case_scope on cases.client_case for all
  using (cases.may_see(id, region_id, municipality_id))
  with check (platform.scope_allows(region_id, municipality_id));

do $$
declare t text;
begin
  foreach t in array array['case_step', 'conference', 'task', 'referral', 'case_event', 'assessment'] loop
    execute format('alter table cases.%I enable row level security', t);
    execute format('alter table cases.%I force row level security', t);
    execute format('create policy %I on cases.%I for all
                      using (cases.may_see(case_id, region_id, municipality_id))
                      with check (platform.scope_allows(region_id, municipality_id))', t || '_scope', t);
  end loop;
end $$;

-- Restricted notes stay with the case workers and officers, whoever else is on the team.
alter table cases.case_note enable row level security;
alter table cases.case_note force row level security;
create policy case_note_scope on cases.case_note for all
  using (cases.may_see(case_id, region_id, municipality_id)
         and (not restricted or platform.acts_as_any(array['CASE_WORKER', 'REGIONAL_OFFICER'])))
  with check (platform.scope_allows(region_id, municipality_id));

grant usage on sequence cases.case_number to ${app_role};
grant execute on function cases.is_member(uuid) to ${app_role};
