--liquibase formatted sql

--changeset lantern:202611241600-dossier-sync-source
--comment: Dossiers synced by partner systems: the partner's source name and its own id for the dossier, unique together
alter table dossier add column source text;
alter table dossier add column external_id text;
alter table dossier add constraint dossier_source_external_id_key unique (source, external_id);
alter table dossier add constraint dossier_source_external_id_check check ((source is null) = (external_id is null));
--rollback alter table dossier drop column external_id; alter table dossier drop column source;
