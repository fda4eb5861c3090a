--liquibase formatted sql

--changeset lantern:202611241610-dossier-change splitStatements:false
--comment: The change feed: one row per dossier written, stamped with the writing transaction's id. Filled by statement-level triggers, so every write path (SPA, sync, demo loader) feeds it; each writing statement also notifies channel dossier_change at commit.
create table dossier_change (
    id           bigint generated always as identity primary key,
    -- the writing transaction (top level); rows are read in (xid, id) order and only below the
    -- oldest transaction still running, so a reader never sees a later change before an earlier one
    xid          xid8        not null default pg_current_xact_id(),
    dossier_id   bigint      not null,
    receipt_code text        not null,
    unit_id      bigint      not null,
    from_status  text,
    to_status    text        not null,
    version      integer     not null,
    changed_at   timestamptz not null default now()
);
create index dossier_change_order_idx on dossier_change (xid, id);

create function dossier_change_inserted() returns trigger language plpgsql as $$
begin
    insert into dossier_change (dossier_id, receipt_code, unit_id, from_status, to_status, version)
    select n.id, n.receipt_code, n.unit_id, null, n.status, n.version from inserted n;
    if found then
        perform pg_notify('dossier_change', '');
    end if;
    return null;
end
$$;

create function dossier_change_updated() returns trigger language plpgsql as $$
begin
    insert into dossier_change (dossier_id, receipt_code, unit_id, from_status, to_status, version)
    select n.id, n.receipt_code, n.unit_id, o.status, n.status, n.version
    from updated n join previous o on o.id = n.id
    where n.version is distinct from o.version or n.status is distinct from o.status;
    if found then
        perform pg_notify('dossier_change', '');
    end if;
    return null;
end
$$;

create trigger dossier_change_on_insert after insert on dossier
    referencing new table as inserted for each statement execute function dossier_change_inserted();
create trigger dossier_change_on_update after update on dossier
    referencing old table as previous new table as updated for each statement execute function dossier_change_updated();

-- the dossiers already there enter the feed once, as they stand
insert into dossier_change (dossier_id, receipt_code, unit_id, from_status, to_status, version)
select id, receipt_code, unit_id, null, status, version from dossier order by id;
--rollback drop trigger dossier_change_on_update on dossier; drop trigger dossier_change_on_insert on dossier; drop function dossier_change_updated(); drop function dossier_change_inserted(); drop table dossier_change;
