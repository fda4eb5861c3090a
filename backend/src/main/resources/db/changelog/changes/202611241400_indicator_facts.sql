--liquibase formatted sql

--changeset lantern:202611241400-indicator-facts splitStatements:false
--comment: Facts the Decision 766 indicators need: procedure announcement and publication, payment and population-database set-up; dossier fee, portal sync, certified copies, data reuse
alter table procedure
    add column effective_on               date,
    add column announced_on               date,
    add column published_on               date,
    add column full_content_published     boolean not null default false,
    add column online_payment_enabled     boolean not null default false,
    add column portal_payment_configured  boolean not null default false,
    add column population_db_connected    boolean not null default false;

alter table dossier
    -- the procedure's fee at receipt (filled from the procedure when not given)
    add column fee_amount                      bigint,
    add column synced_to_national_portal       boolean not null default false,
    add column certified_copy_requested        boolean not null default false,
    add column certified_copy_electronic       boolean not null default false,
    add column reused_digitised_data           boolean not null default false,
    add column used_population_data            boolean not null default false,
    add column result_synced_to_citizen_store  boolean not null default false;

update dossier d set fee_amount = p.fee from procedure p where p.id = d.procedure_id;

-- every writer of dossiers (reception, partner sync, bulk loads) gets the fee at receipt without knowing of it
create function dossier_fee_at_receipt() returns trigger language plpgsql as $$
begin
    if new.fee_amount is null then
        new.fee_amount := coalesce((select p.fee from procedure p where p.id = new.procedure_id), 0);
    end if;
    return new;
end $$;
create trigger dossier_fee_at_receipt before insert on dossier for each row execute function dossier_fee_at_receipt();

alter table dossier alter column fee_amount set not null,
    add constraint dossier_fee_amount_check check (fee_amount >= 0),
    add constraint dossier_certified_copy_check check (certified_copy_requested or not certified_copy_electronic);
--rollback drop trigger dossier_fee_at_receipt on dossier; drop function dossier_fee_at_receipt();
--rollback alter table dossier drop column fee_amount, drop column synced_to_national_portal, drop column certified_copy_requested, drop column certified_copy_electronic, drop column reused_digitised_data, drop column used_population_data, drop column result_synced_to_citizen_store;
--rollback alter table procedure drop column effective_on, drop column announced_on, drop column published_on, drop column full_content_published, drop column online_payment_enabled, drop column portal_payment_configured, drop column population_db_connected;
