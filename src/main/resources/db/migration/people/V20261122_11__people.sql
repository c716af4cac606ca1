-- People and households: one register for every programme. Persons keep every earlier state of
-- themselves (person_history, filled by a trigger), memberships have periods, incomes are by
-- month: a household can be shown as it was on any date.
create schema people;
grant usage on schema people to ${app_role};

create table people.person (
  id                     uuid        primary key,
  region_id              uuid        not null,
  municipality_id        uuid        not null,
  family_name            text        not null check (length(trim(family_name)) > 0),
  given_names            text        not null default '',
  -- The name in Latin letters, lower case, without accents: names in any script compare here.
  name_key               text        not null,
  date_of_birth          date        not null,
  sex                    text        not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
  identifier             text,
  registered_address     text        not null default '',
  actual_address         text        not null default '',
  phone                  text        not null default '',
  email                  text        not null default '',
  disability_degree      text        check (disability_degree in ('I', 'II', 'III', 'CHILD')),
  disability_assessed_on date,
  categories             text[]      not null default '{}',
  valid_from             timestamptz not null default now(),
  changed_by             text        not null,
  version                int         not null default 0,
  check (date_of_birth >= date '1880-01-01')
);
create unique index person_identifier on people.person (identifier) where identifier is not null;
create index person_birth on people.person (date_of_birth);
create index person_name_key on people.person using gin (name_key gin_trgm_ops);
create index person_municipality on people.person (municipality_id);

create table people.person_history (
  like people.person,
  valid_to timestamptz not null
);
create index person_history_person on people.person_history (id, valid_from);

create function people.keep_person_history() returns trigger language plpgsql as $$
begin
  insert into people.person_history select old.*, now();
  new.valid_from := now();
  return new;
end $$;
create trigger person_history before update on people.person
  for each row execute function people.keep_person_history();

create table people.household (
  id              uuid        primary key,
  region_id       uuid        not null,
  municipality_id uuid        not null,
  address         text        not null check (length(trim(address)) > 0),
  created_at      timestamptz not null default now(),
  version         int         not null default 0
);
create index household_municipality on people.household (municipality_id);

create table people.household_member (
  id                 uuid        primary key,
  household_id       uuid        not null references people.household (id),
  person_id          uuid        not null references people.person (id),
  region_id          uuid        not null,
  municipality_id    uuid        not null,
  relation           text        not null check (relation in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT',
                                   'GRANDPARENT', 'GRANDCHILD', 'SIBLING', 'OTHER_RELATIVE', 'OTHER')),
  statutory_supporter boolean    not null default false,
  member_from        date        not null,
  member_to          date,
  check (member_to is null or member_to > member_from)
);
create index household_member_household on people.household_member (household_id);
create index household_member_person on people.household_member (person_id);
-- A person belongs to one household at a time.
alter table people.household_member add constraint household_member_one_at_a_time
  exclude using gist (person_id with =, daterange(member_from, member_to) with &&);

create table people.income (
  id              uuid          primary key,
  person_id       uuid          not null references people.person (id),
  region_id       uuid          not null,
  municipality_id uuid          not null,
  month           date          not null check (extract(day from month) = 1),
  source          text          not null check (source in ('WAGES', 'PENSION', 'BENEFIT',
                                  'ALIMONY', 'SELF_EMPLOYMENT', 'AGRICULTURE', 'RENT', 'OTHER')),
  amount          numeric(14,2) not null check (amount >= 0),
  unique (person_id, month, source)
);
create index income_person on people.income (person_id, month);

do $$
declare t text;
begin
  foreach t in array array['person', 'person_history', 'household', 'household_member', 'income'] loop
    execute format('alter table people.%I enable row level security', t);
    execute format('alter table people.%I force row level security', t);
    execute format('create policy %I on people.%I for all
                      using (platform.scope_allows(region_id, municipality_id))
                      with check (platform.scope_allows(region_id, municipality_id))', t || '_scope', t);
  end loop;
end $$;
