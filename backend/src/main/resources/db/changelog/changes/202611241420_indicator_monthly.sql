--liquibase formatted sql

--changeset lantern:202611241420-indicator-monthly splitStatements:false
--comment: Monthly rollup of the dossier-based indicators per unit and procedure, kept by statement triggers on dossier
-- Each dossier counts in up to three months: the month it was received (received_* counters and the
-- flags of receipt), the month it was resolved (resolved_*, rated_*) and the month it is due (due_*).
-- The triggers add the new rows' contributions and subtract the old ones' in the same transaction,
-- so the rollup always equals the same counts over the dossier table (IndicatorRollupIT proves it).
create table indicator_monthly (
    month                date    not null,
    unit_id              bigint  not null references unit (id),
    procedure_id         bigint  not null references procedure (id),
    received             integer not null default 0,
    received_online      integer not null default 0,
    received_fee         integer not null default 0,
    paid_online          integer not null default 0,
    synced_portal        integer not null default 0,
    digitised            integer not null default 0,
    cert_requested       integer not null default 0,
    cert_electronic      integer not null default 0,
    reused_data          integer not null default 0,
    population_data      integer not null default 0,
    resolved             integer not null default 0,
    resolved_electronic  integer not null default 0,
    result_synced        integer not null default 0,
    rated                integer not null default 0,
    rated_satisfied      integer not null default 0,
    due                  integer not null default 0,
    due_on_time          integer not null default 0,
    primary key (month, unit_id, procedure_id)
);
create index indicator_monthly_unit_idx on indicator_monthly (unit_id, month);
-- "did this online service receive an online dossier in the period"
create index indicator_monthly_procedure_idx on indicator_monthly (procedure_id, month) where received_online > 0;

-- the contributions of the dossiers in relation rel (a table or a transition table), each counted sign times
create function indicator_monthly_contributions(rel text, sign integer) returns text language sql immutable as $f$
    select format('select unit_id, procedure_id, date_trunc(''month'', received_at at time zone ''Asia/Ho_Chi_Minh'')::date as month, %2$s as received, %2$s * (channel = ''ONLINE'')::int as received_online, %2$s * (fee_amount > 0)::int as received_fee, %2$s * (fee_amount > 0 and online_payment)::int as paid_online, %2$s * (synced_to_national_portal)::int as synced_portal, %2$s * (digitised_dossier)::int as digitised, %2$s * (certified_copy_requested)::int as cert_requested, %2$s * (certified_copy_requested and certified_copy_electronic)::int as cert_electronic, %2$s * (reused_digitised_data)::int as reused_data, %2$s * (used_population_data)::int as population_data, 0 as resolved, 0 as resolved_electronic, 0 as result_synced, 0 as rated, 0 as rated_satisfied, 0 as due, 0 as due_on_time from %1$s
            union all select unit_id, procedure_id, date_trunc(''month'', resolved_at at time zone ''Asia/Ho_Chi_Minh'')::date as month, 0 as received, 0 as received_online, 0 as received_fee, 0 as paid_online, 0 as synced_portal, 0 as digitised, 0 as cert_requested, 0 as cert_electronic, 0 as reused_data, 0 as population_data, %2$s as resolved, %2$s * (digitised_result)::int as resolved_electronic, %2$s * (result_synced_to_citizen_store)::int as result_synced, %2$s * (satisfaction is not null)::int as rated, %2$s * (coalesce(satisfaction >= 4, false))::int as rated_satisfied, 0 as due, 0 as due_on_time from %1$s where status in (''RESOLVED'', ''RETURNED'') and resolved_at is not null
            union all select unit_id, procedure_id, date_trunc(''month'', due_date)::date as month, 0 as received, 0 as received_online, 0 as received_fee, 0 as paid_online, 0 as synced_portal, 0 as digitised, 0 as cert_requested, 0 as cert_electronic, 0 as reused_data, 0 as population_data, 0 as resolved, 0 as resolved_electronic, 0 as result_synced, 0 as rated, 0 as rated_satisfied, %2$s as due, %2$s * (status in (''RESOLVED'', ''RETURNED'') and not late)::int as due_on_time from %1$s where status not in (''REJECTED'', ''WITHDRAWN'')', rel, sign)
$f$;

-- the statement adding contributions to the rollup (run by EXECUTE in the trigger functions themselves: only they see
-- the transition tables); month, unit, procedure order keeps concurrent writers from deadlocking
create function indicator_monthly_upsert(contributions text) returns text language sql immutable as $f$
    select 'insert into indicator_monthly as m (month, unit_id, procedure_id, received, received_online, received_fee, paid_online, synced_portal, digitised, cert_requested, cert_electronic, reused_data, population_data, resolved, resolved_electronic, result_synced, rated, rated_satisfied, due, due_on_time)'
        || ' select month, unit_id, procedure_id, sum(received), sum(received_online), sum(received_fee), sum(paid_online), sum(synced_portal), sum(digitised), sum(cert_requested), sum(cert_electronic), sum(reused_data), sum(population_data), sum(resolved), sum(resolved_electronic), sum(result_synced), sum(rated), sum(rated_satisfied), sum(due), sum(due_on_time)'
        || ' from (' || contributions || ') c group by month, unit_id, procedure_id'
        || ' having (sum(received), sum(received_online), sum(received_fee), sum(paid_online), sum(synced_portal), sum(digitised), sum(cert_requested), sum(cert_electronic), sum(reused_data), sum(population_data), sum(resolved), sum(resolved_electronic), sum(result_synced), sum(rated), sum(rated_satisfied), sum(due), sum(due_on_time)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)'
        || ' order by month, unit_id, procedure_id'
        || ' on conflict (month, unit_id, procedure_id) do update set received = m.received + excluded.received, received_online = m.received_online + excluded.received_online, received_fee = m.received_fee + excluded.received_fee, paid_online = m.paid_online + excluded.paid_online, synced_portal = m.synced_portal + excluded.synced_portal, digitised = m.digitised + excluded.digitised, cert_requested = m.cert_requested + excluded.cert_requested, cert_electronic = m.cert_electronic + excluded.cert_electronic, reused_data = m.reused_data + excluded.reused_data, population_data = m.population_data + excluded.population_data, resolved = m.resolved + excluded.resolved, resolved_electronic = m.resolved_electronic + excluded.resolved_electronic, result_synced = m.result_synced + excluded.result_synced, rated = m.rated + excluded.rated, rated_satisfied = m.rated_satisfied + excluded.rated_satisfied, due = m.due + excluded.due, due_on_time = m.due_on_time + excluded.due_on_time'
$f$;

create function indicator_monthly_on_insert() returns trigger language plpgsql as $f$
begin
    execute indicator_monthly_upsert(indicator_monthly_contributions('new_rows', 1));
    return null;
end
$f$;

create function indicator_monthly_on_update() returns trigger language plpgsql as $f$
begin
    execute indicator_monthly_upsert(indicator_monthly_contributions('old_rows', -1)
        || ' union all ' || indicator_monthly_contributions('new_rows', 1));
    return null;
end
$f$;

create function indicator_monthly_on_delete() returns trigger language plpgsql as $f$
begin
    execute indicator_monthly_upsert(indicator_monthly_contributions('old_rows', -1));
    return null;
end
$f$;

create trigger indicator_monthly_insert after insert on dossier referencing new table as new_rows
    for each statement execute function indicator_monthly_on_insert();
create trigger indicator_monthly_update after update on dossier referencing old table as old_rows new table as new_rows
    for each statement execute function indicator_monthly_on_update();
create trigger indicator_monthly_delete after delete on dossier referencing old table as old_rows
    for each statement execute function indicator_monthly_on_delete();

-- recomputes the whole rollup from the dossiers (after a bulk load with the triggers disabled, or to repair)
create function indicator_monthly_rebuild() returns void language plpgsql as $f$
begin
    lock table dossier in share mode;
    delete from indicator_monthly;
    execute indicator_monthly_upsert(indicator_monthly_contributions('dossier', 1));
end
$f$;

select indicator_monthly_rebuild();
--rollback drop trigger indicator_monthly_insert on dossier; drop trigger indicator_monthly_update on dossier; drop trigger indicator_monthly_delete on dossier;
--rollback drop function indicator_monthly_rebuild(); drop function indicator_monthly_on_insert(); drop function indicator_monthly_on_update(); drop function indicator_monthly_on_delete(); drop function indicator_monthly_upsert(text); drop function indicator_monthly_contributions(text, integer); drop table indicator_monthly;
