--liquibase formatted sql

--changeset lantern:202611250200-procedure-history splitStatements:false
--comment: The history of the procedure facts the Decision 766 scorecard reads, so a past period is scored on the catalogue as it stood then
-- The day a procedure was abolished: set to today (Vietnam time) when its review state becomes ABOLISHED without one,
-- cleared when it is reinstated; a row written already ABOLISHED without a day counts as abolished all along.
alter table procedure add column abolished_on date;
alter table procedure add constraint procedure_abolished_on_check check (abolished_on is null or review_state = 'ABOLISHED');

create function procedure_abolished_on() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.review_state <> 'ABOLISHED' and old.review_state = 'ABOLISHED' then
        new.abolished_on := null;
    elsif tg_op = 'UPDATE' and new.review_state = 'ABOLISHED' and old.review_state <> 'ABOLISHED' and new.abolished_on is null then
        new.abolished_on := (now() at time zone 'Asia/Ho_Chi_Minh')::date;
    end if;
    return new;
end $$;
create trigger procedure_abolished_on before update of review_state, abolished_on on procedure
    for each row execute function procedure_abolished_on();

-- One row per version of a procedure's indicator facts, in force from valid_from (inclusive) to valid_to (exclusive,
-- null while current). The first version starts on the earlier of the procedure's announcement and effective day
-- (00:00 Vietnam time), or when it was written if that is earlier or both days are missing: a catalogue entered after
-- the fact carries its own past. Every later change starts a new version at the moment it is made, so an edit today
-- never alters an earlier period. Rows that predate this table and have neither day start at -infinity.
create table procedure_history (
    procedure_id               bigint      not null references procedure (id) on delete cascade,
    valid_from                 timestamptz not null,
    valid_to                   timestamptz,
    recorded_at                timestamptz not null default clock_timestamp(),
    recorded_xact              xid8        not null default pg_current_xact_id(),
    unit_id                    bigint      not null,
    review_state               text        not null,
    abolished_on               date,
    published                  boolean     not null,
    full_content_published     boolean     not null,
    online_level               text        not null,
    fee                        bigint      not null,
    online_payment_enabled     boolean     not null,
    portal_payment_configured  boolean     not null,
    population_db_connected    boolean     not null,
    effective_on               date,
    announced_on               date,
    published_on               date,
    primary key (procedure_id, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
create unique index procedure_history_open_idx on procedure_history (procedure_id) where valid_to is null;
create index procedure_history_unit_idx on procedure_history (unit_id, valid_from);

create function procedure_first_valid_from(announced date, effective date, recorded timestamptz) returns timestamptz
    language sql stable as $$
    select least(least(announced, effective)::timestamp at time zone 'Asia/Ho_Chi_Minh', recorded)
$$;

create function procedure_history_record() returns trigger language plpgsql as $$
declare
    current_version procedure_history%rowtype;
    first_version boolean;
    changed_at timestamptz;
begin
    changed_at := clock_timestamp();
    if tg_op = 'UPDATE' then
        select * into current_version from procedure_history where procedure_id = new.id and valid_to is null for update;
        if found and current_version.recorded_xact = pg_current_xact_id() then
            -- a further change in the transaction that wrote the current version rewrites it; a first version
            -- written in this transaction (a procedure created and completed at once) follows the first-version rule
            first_version := not exists (select 1 from procedure_history h where h.procedure_id = new.id and h.valid_to is not null);
            update procedure_history set
                valid_from = case when first_version
                    then procedure_first_valid_from(new.announced_on, new.effective_on, current_version.recorded_at) else valid_from end,
                unit_id = new.unit_id, review_state = new.review_state, abolished_on = new.abolished_on, published = new.published,
                full_content_published = new.full_content_published, online_level = new.online_level, fee = new.fee,
                online_payment_enabled = new.online_payment_enabled, portal_payment_configured = new.portal_payment_configured,
                population_db_connected = new.population_db_connected, effective_on = new.effective_on,
                announced_on = new.announced_on, published_on = new.published_on
            where procedure_id = new.id and valid_to is null;
            return null;
        end if;
        -- the moment of the change (after the current version began, whatever the clock did)
        changed_at := greatest(changed_at, current_version.valid_from + interval '1 microsecond');
        if found then
            update procedure_history set valid_to = changed_at where procedure_id = new.id and valid_to is null;
        end if;
    end if;
    insert into procedure_history (procedure_id, valid_from, recorded_at, unit_id, review_state, abolished_on, published,
        full_content_published, online_level, fee, online_payment_enabled, portal_payment_configured, population_db_connected,
        effective_on, announced_on, published_on)
    values (new.id,
        case when tg_op = 'INSERT' then procedure_first_valid_from(new.announced_on, new.effective_on, changed_at) else changed_at end,
        changed_at, new.unit_id, new.review_state, new.abolished_on, new.published, new.full_content_published, new.online_level, new.fee,
        new.online_payment_enabled, new.portal_payment_configured, new.population_db_connected, new.effective_on,
        new.announced_on, new.published_on);
    return null;
end $$;

-- row triggers: they fire for COPY too (the demo generator and bulk loads write the catalogue that way)
create trigger procedure_history_insert after insert on procedure
    for each row execute function procedure_history_record();
create trigger procedure_history_update after update of unit_id, review_state, abolished_on, published, full_content_published,
        online_level, fee, online_payment_enabled, portal_payment_configured, population_db_connected, effective_on,
        announced_on, published_on on procedure
    for each row when ((old.unit_id, old.review_state, old.abolished_on, old.published, old.full_content_published, old.online_level,
        old.fee, old.online_payment_enabled, old.portal_payment_configured, old.population_db_connected, old.effective_on,
        old.announced_on, old.published_on)
        is distinct from (new.unit_id, new.review_state, new.abolished_on, new.published, new.full_content_published, new.online_level,
        new.fee, new.online_payment_enabled, new.portal_payment_configured, new.population_db_connected, new.effective_on,
        new.announced_on, new.published_on))
    execute function procedure_history_record();

insert into procedure_history (procedure_id, valid_from, unit_id, review_state, abolished_on, published, full_content_published,
    online_level, fee, online_payment_enabled, portal_payment_configured, population_db_connected, effective_on, announced_on,
    published_on)
select id, coalesce(least(announced_on, effective_on)::timestamp at time zone 'Asia/Ho_Chi_Minh', '-infinity'), unit_id,
       review_state, abolished_on, published, full_content_published, online_level, fee, online_payment_enabled,
       portal_payment_configured, population_db_connected, effective_on, announced_on, published_on
from procedure;

comment on table procedure_history is
    'Versions of the procedure facts the Decision 766 scorecard reads, kept by triggers on procedure. A period is scored on '
    'the version in force at its end: valid_from < end and (valid_to is null or valid_to >= end), end being 00:00 Vietnam '
    'time on the day after the period. First version: from the earlier of announced_on and effective_on (00:00 Vietnam '
    'time), or from when the procedure was written if earlier or both are missing; rows older than this table without '
    'either day: from -infinity. Later versions: from the moment of the change.';
--rollback drop trigger procedure_history_update on procedure; drop trigger procedure_history_insert on procedure;
--rollback drop function procedure_history_record(); drop function procedure_first_valid_from(date, date, timestamptz);
--rollback drop table procedure_history;
--rollback drop trigger procedure_abolished_on on procedure; drop function procedure_abolished_on();
--rollback alter table procedure drop constraint procedure_abolished_on_check, drop column abolished_on;
