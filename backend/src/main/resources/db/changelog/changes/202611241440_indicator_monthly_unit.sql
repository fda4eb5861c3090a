--liquibase formatted sql

--changeset lantern:202611241440-indicator-monthly-unit splitStatements:false
--comment: The same monthly counts per unit (without the procedure), so a province's year reads hundreds of rows, not tens of thousands
create table indicator_monthly_unit (
    month                date    not null,
    unit_id              bigint  not null references unit (id),
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
    primary key (month, unit_id)
);
create index indicator_monthly_unit_unit_idx on indicator_monthly_unit (unit_id, month);

-- one statement updates both rollups from the same contributions: per procedure first, then per unit
create or replace function indicator_monthly_upsert(contributions text) returns text language sql immutable as $f$
    select 'with c as materialized (' || contributions || '),'
        || ' per_procedure as (insert into indicator_monthly as m (month, unit_id, procedure_id, received, received_online, received_fee, paid_online, synced_portal, digitised, cert_requested, cert_electronic, reused_data, population_data, resolved, resolved_electronic, result_synced, rated, rated_satisfied, due, due_on_time)'
        || ' select month, unit_id, procedure_id, sum(received), sum(received_online), sum(received_fee), sum(paid_online), sum(synced_portal), sum(digitised), sum(cert_requested), sum(cert_electronic), sum(reused_data), sum(population_data), sum(resolved), sum(resolved_electronic), sum(result_synced), sum(rated), sum(rated_satisfied), sum(due), sum(due_on_time)'
        || ' from c group by month, unit_id, procedure_id having (sum(received), sum(received_online), sum(received_fee), sum(paid_online), sum(synced_portal), sum(digitised), sum(cert_requested), sum(cert_electronic), sum(reused_data), sum(population_data), sum(resolved), sum(resolved_electronic), sum(result_synced), sum(rated), sum(rated_satisfied), sum(due), sum(due_on_time)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)'
        || ' order by month, unit_id, procedure_id'
        || ' on conflict (month, unit_id, procedure_id) do update set received = m.received + excluded.received, received_online = m.received_online + excluded.received_online, received_fee = m.received_fee + excluded.received_fee, paid_online = m.paid_online + excluded.paid_online, synced_portal = m.synced_portal + excluded.synced_portal, digitised = m.digitised + excluded.digitised, cert_requested = m.cert_requested + excluded.cert_requested, cert_electronic = m.cert_electronic + excluded.cert_electronic, reused_data = m.reused_data + excluded.reused_data, population_data = m.population_data + excluded.population_data, resolved = m.resolved + excluded.resolved, resolved_electronic = m.resolved_electronic + excluded.resolved_electronic, result_synced = m.result_synced + excluded.result_synced, rated = m.rated + excluded.rated, rated_satisfied = m.rated_satisfied + excluded.rated_satisfied, due = m.due + excluded.due, due_on_time = m.due_on_time + excluded.due_on_time)'
        || ' insert into indicator_monthly_unit as m (month, unit_id, received, received_online, received_fee, paid_online, synced_portal, digitised, cert_requested, cert_electronic, reused_data, population_data, resolved, resolved_electronic, result_synced, rated, rated_satisfied, due, due_on_time)'
        || ' select month, unit_id, sum(received), sum(received_online), sum(received_fee), sum(paid_online), sum(synced_portal), sum(digitised), sum(cert_requested), sum(cert_electronic), sum(reused_data), sum(population_data), sum(resolved), sum(resolved_electronic), sum(result_synced), sum(rated), sum(rated_satisfied), sum(due), sum(due_on_time)'
        || ' from c group by month, unit_id having (sum(received), sum(received_online), sum(received_fee), sum(paid_online), sum(synced_portal), sum(digitised), sum(cert_requested), sum(cert_electronic), sum(reused_data), sum(population_data), sum(resolved), sum(resolved_electronic), sum(result_synced), sum(rated), sum(rated_satisfied), sum(due), sum(due_on_time)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)'
        || ' order by month, unit_id'
        || ' on conflict (month, unit_id) do update set received = m.received + excluded.received, received_online = m.received_online + excluded.received_online, received_fee = m.received_fee + excluded.received_fee, paid_online = m.paid_online + excluded.paid_online, synced_portal = m.synced_portal + excluded.synced_portal, digitised = m.digitised + excluded.digitised, cert_requested = m.cert_requested + excluded.cert_requested, cert_electronic = m.cert_electronic + excluded.cert_electronic, reused_data = m.reused_data + excluded.reused_data, population_data = m.population_data + excluded.population_data, resolved = m.resolved + excluded.resolved, resolved_electronic = m.resolved_electronic + excluded.resolved_electronic, result_synced = m.result_synced + excluded.result_synced, rated = m.rated + excluded.rated, rated_satisfied = m.rated_satisfied + excluded.rated_satisfied, due = m.due + excluded.due, due_on_time = m.due_on_time + excluded.due_on_time'
$f$;

create or replace function indicator_monthly_rebuild() returns void language plpgsql as $f$
begin
    lock table dossier in share mode;
    delete from indicator_monthly;
    delete from indicator_monthly_unit;
    execute indicator_monthly_upsert(indicator_monthly_contributions('dossier', 1));
end
$f$;

insert into indicator_monthly_unit (month, unit_id, received, received_online, received_fee, paid_online, synced_portal, digitised, cert_requested, cert_electronic, reused_data, population_data, resolved, resolved_electronic, result_synced, rated, rated_satisfied, due, due_on_time)
select month, unit_id, sum(received), sum(received_online), sum(received_fee), sum(paid_online), sum(synced_portal), sum(digitised), sum(cert_requested), sum(cert_electronic), sum(reused_data), sum(population_data), sum(resolved), sum(resolved_electronic), sum(result_synced), sum(rated), sum(rated_satisfied), sum(due), sum(due_on_time) from indicator_monthly group by month, unit_id having (sum(received), sum(received_online), sum(received_fee), sum(paid_online), sum(synced_portal), sum(digitised), sum(cert_requested), sum(cert_electronic), sum(reused_data), sum(population_data), sum(resolved), sum(resolved_electronic), sum(result_synced), sum(rated), sum(rated_satisfied), sum(due), sum(due_on_time)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
--rollback drop table indicator_monthly_unit;
