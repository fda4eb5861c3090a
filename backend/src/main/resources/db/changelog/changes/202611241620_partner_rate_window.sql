--liquibase formatted sql

--changeset lantern:202611241620-partner-rate-window
--comment: Per-partner usage counters in fixed windows (requests per second, query cost per minute), shared by every backend instance
create table partner_rate_window (
    partner       text        not null,
    kind          text        not null check (kind in ('REQUESTS', 'COST')),
    window_start  timestamptz not null,
    used          bigint      not null,
    primary key (partner, kind, window_start)
);
--rollback drop table partner_rate_window;
