--liquibase formatted sql

--changeset lantern:202611241500-request-throttle
--comment: Attempt counters of the public lookups (per client address, per receipt or feedback code), shared by every backend instance
create table request_throttle (
    -- e.g. 'lookup-address:203.0.113.7', 'lookup-code:NA-SYT-261120-000017'
    bucket             text        primary key,
    window_started_at  timestamptz not null,
    expires_at         timestamptz not null,
    attempts           integer     not null check (attempts >= 0)
);
create index request_throttle_expires_idx on request_throttle (expires_at);
--rollback drop table request_throttle;
