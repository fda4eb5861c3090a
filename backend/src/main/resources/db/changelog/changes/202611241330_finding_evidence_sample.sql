--liquibase formatted sql

--changeset lantern:202611241330-finding-evidence-sample
--comment: Evidence from a dossier sample names an existing item of it and keeps the sampled dossier
alter table finding_evidence
    add constraint finding_evidence_sample_item_fk foreign key (sample_id, sample_ordinal)
        references dossier_sample_item (sample_id, ordinal),
    add constraint finding_evidence_sample_dossier_check check (kind <> 'SAMPLE_ITEM' or dossier_id is not null);
create index finding_evidence_sample_idx on finding_evidence (sample_id, sample_ordinal) where sample_id is not null;
--rollback drop index finding_evidence_sample_idx; alter table finding_evidence drop constraint finding_evidence_sample_dossier_check, drop constraint finding_evidence_sample_item_fk;
