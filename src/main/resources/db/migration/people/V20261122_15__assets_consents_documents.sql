-- What a person owns (a means test weighs it), the consents they gave and withdrew, and the
-- documents seen of them. Each is dated: a household's assets on a date are those held then.
create table people.asset (
  id              uuid          primary key,
  person_id       uuid          not null references people.person (id),
  region_id       uuid          not null,
  municipality_id uuid          not null,
  kind            text          not null check (kind in ('DWELLING', 'LAND', 'VEHICLE', 'SAVINGS',
                                  'LIVESTOCK', 'BUSINESS', 'OTHER')),
  description     text          not null check (length(trim(description)) > 0),
  value           numeric(14,2) not null check (value >= 0),
  held_from       date          not null,
  held_to         date,
  recorded_by     text          not null,
  recorded_at     timestamptz   not null default now(),
  check (held_to is null or held_to > held_from)
);
create index asset_person on people.asset (person_id);

create table people.consent (
  id              uuid        primary key,
  person_id       uuid        not null references people.person (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  purpose         text        not null check (purpose in ('DATA_PROCESSING', 'DATA_SHARING',
                                'HOME_VISITS', 'CONTACT')),
  given_on        date        not null,
  withdrawn_on    date,
  recorded_by     text        not null,
  check (withdrawn_on is null or withdrawn_on >= given_on)
);
create index consent_person on people.consent (person_id);
-- One consent of a purpose in force at a time.
create unique index consent_one_in_force on people.consent (person_id, purpose)
  where withdrawn_on is null;

create table people.document (
  id              uuid        primary key,
  person_id       uuid        not null references people.person (id),
  region_id       uuid        not null,
  municipality_id uuid        not null,
  kind            text        not null check (kind in ('IDENTITY_CARD', 'PASSPORT',
                                'BIRTH_CERTIFICATE', 'DISABILITY_CERTIFICATE', 'PENSION_CERTIFICATE',
                                'OTHER')),
  number          text        not null default '',
  issued_on       date,
  expires_on      date,
  -- A scan of the document, when one was taken: PDF, PNG or JPEG.
  file_name       text,
  content_type    text,
  content         bytea,
  recorded_by     text        not null,
  recorded_at     timestamptz not null default now(),
  check (expires_on is null or issued_on is null or expires_on > issued_on),
  check ((content is null) = (file_name is null) and (content is null) = (content_type is null))
);
create index document_person on people.document (person_id);

do $$
declare t text;
begin
  foreach t in array array['asset', 'consent', 'document'] loop
    execute format('alter table people.%I enable row level security', t);
    execute format('alter table people.%I force row level security', t);
    execute format('create policy %I on people.%I for all
                      using (platform.scope_allows(region_id, municipality_id))
                      with check (platform.scope_allows(region_id, municipality_id))', t || '_scope', t);
  end loop;
end $$;
