-- Portable SQL: the same migrations serve H2 (dev, tests) and PostgreSQL (production, pg tests).

create table county (
    code            varchar(12)  not null primary key,
    name_zh         varchar(64)  not null,
    name_pinyin     varchar(64)  not null,
    population      bigint       not null check (population >= 0),
    latitude        double precision not null check (latitude between -90 and 90),
    longitude       double precision not null check (longitude between -180 and 180),
    risk_level      varchar(8)   not null check (risk_level in ('LOW', 'MEDIUM', 'HIGH')),
    updated_at      timestamp with time zone not null,
    updated_by      varchar(64)  not null
);

-- A travel time set by hand for one direction; other pairs are derived from distance.
create table travel_time_override (
    from_county     varchar(12)  not null references county (code),
    to_county       varchar(12)  not null references county (code),
    minutes         integer      not null check (minutes > 0),
    updated_at      timestamp with time zone not null,
    updated_by      varchar(64)  not null,
    primary key (from_county, to_county),
    check (from_county <> to_county)
);

-- Remembered responses of POSTs sent with an Idempotency-Key, per caller.
create table idempotency_record (
    caller          varchar(128) not null,
    idempotency_key varchar(128) not null,
    request_hash    varchar(64)  not null,
    status          integer      not null,
    location        varchar(512),
    body            text,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    primary key (caller, idempotency_key)
);
create index idempotency_record_expires on idempotency_record (expires_at);
