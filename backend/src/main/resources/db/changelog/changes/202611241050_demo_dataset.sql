--liquibase formatted sql

--changeset lantern:202611241050-demo-dataset
--comment: Marks that the demo data was generated, so a restart does not generate it again
create table demo_dataset (
    name          text        primary key,
    seed          bigint      not null,
    dossiers      integer     not null,
    generated_at  timestamptz not null default now(),
    millis        bigint      not null
);
--rollback drop table demo_dataset;
