--liquibase formatted sql

--changeset lantern:202611250150-inspection-conclusion-draft
--comment: The conclusion summary the lead writes during fieldwork, kept on the server so the team reads it and nothing is lost with a browser tab
create table inspection_conclusion_draft (
    plan_id               bigint      primary key references inspection_plan (id),
    summary               text        not null,
    updated_by_username   text        not null,
    updated_by            text        not null,
    updated_at            timestamptz not null,
    version               integer     not null check (version > 0)
);
--rollback drop table inspection_conclusion_draft;
