--liquibase formatted sql

--changeset lantern:202611240910-audit-record
--comment: Who did what, when, to which object. Append-only.
create table audit_record (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null default now(),
    actor        text        not null,
    action       text        not null,
    object_type  text        not null,
    object_id    text,
    details      jsonb       not null default '{}'::jsonb
);
create index audit_record_object_idx on audit_record (object_type, object_id, occurred_at desc);
create index audit_record_actor_idx on audit_record (actor, occurred_at desc);
--rollback drop table audit_record;
