-- The audit log: append-only and hash-chained. Each entry's hash covers its content and the
-- previous entry's hash, so changing, removing or reordering any entry breaks the chain.
create schema audit;
grant usage on schema audit to ${app_role};

-- The head of the chain: one row, updated by every append. Its row lock serialises appends
-- so that sequence numbers follow commit order without gaps.
create table audit.chain_head (
  id        int    primary key check (id = 1),
  last_seq  bigint not null,
  last_hash bytea  not null
);
insert into audit.chain_head values (1, 0, sha256(convert_to('socius audit log', 'UTF8')));

create table audit.entry (
  seq             bigint      primary key,
  occurred_at     timestamptz not null,
  actor_id        uuid,
  actor_name      text        not null,
  action          text        not null,
  entity_type     text        not null,
  entity_id       text,
  region_id       uuid,
  municipality_id uuid,
  client_address  text,
  before_state    jsonb,
  after_state     jsonb,
  prev_hash       bytea       not null,
  hash            bytea       not null
);
create index entry_entity on audit.entry (entity_type, entity_id);
create index entry_actor on audit.entry (actor_name, occurred_at);
create index entry_occurred on audit.entry (occurred_at);
create index entry_region on audit.entry (region_id, municipality_id);

-- The exact bytes hashed for an entry. Timestamps are written in UTC and jsonb renders keys in
-- a fixed order, so the same entry always gives the same text.
create function audit.entry_content(e audit.entry) returns bytea
language sql stable as $$
  select convert_to(concat_ws(chr(31),
    e.seq::text,
    to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(e.actor_id::text, ''), e.actor_name, e.action, e.entity_type,
    coalesce(e.entity_id, ''), coalesce(e.region_id::text, ''),
    coalesce(e.municipality_id::text, ''), coalesce(e.client_address, ''),
    coalesce(e.before_state::text, ''), coalesce(e.after_state::text, '')), 'UTF8')
$$;

-- Runs as the owner: the application may append entries but never touch the chain head itself.
create function audit.chain_entry() returns trigger
language plpgsql security definer set search_path = audit, pg_catalog as $$
declare
  head audit.chain_head;
begin
  update audit.chain_head set last_seq = last_seq + 1 where id = 1 returning * into head;
  new.seq := head.last_seq;
  new.prev_hash := head.last_hash;
  new.hash := sha256(new.prev_hash || audit.entry_content(new));
  update audit.chain_head set last_hash = new.hash where id = 1;
  return new;
end
$$;

create trigger entry_chain before insert on audit.entry
  for each row execute function audit.chain_entry();

create function audit.refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'the audit log is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end
$$;

create trigger entry_append_only before update or delete on audit.entry
  for each row execute function audit.refuse_change();
create trigger entry_no_truncate before truncate on audit.entry
  for each statement execute function audit.refuse_change();
create trigger chain_head_no_delete before delete or truncate on audit.chain_head
  for each statement execute function audit.refuse_change();

-- The application appends and reads; it may not change or remove entries, nor the chain head.
revoke update, delete on audit.entry from ${app_role};
revoke insert, update, delete on audit.chain_head from ${app_role};

alter table audit.entry enable row level security;
alter table audit.entry force row level security;
-- Anyone acting may append; what one may read follows the territory of the entry.
create policy entry_append on audit.entry for insert with check (true);
create policy entry_read on audit.entry for select
  using (platform.scope_allows(region_id, municipality_id));
