-- The audit trail (issue 12.5): one table, written by every context through platform's AuditLog.
create sequence audit_record_seq start with 1 increment by 50;
create table audit_record (
    id           bigint        not null primary key,
    occurred_at  timestamp with time zone not null,
    actor        varchar(255)  not null,
    entity       varchar(64)   not null,
    entity_key   varchar(128)  not null,
    -- The county whose record it is; null for city-level records (travel times, items, the city reserve).
    county_code  varchar(16),
    action       varchar(32)   not null,
    before_value varchar(2000),
    after_value  varchar(2000)
);
create index audit_record_entity on audit_record (entity, entity_key, occurred_at);
create index audit_record_at on audit_record (occurred_at);
create index audit_record_county on audit_record (county_code, occurred_at);
