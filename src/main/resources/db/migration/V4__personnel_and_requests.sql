-- Personnel teams, allocation requests and shipments.

create table team (
    code        varchar(32)  not null primary key,
    name        varchar(128) not null,
    skill       varchar(20)  not null check (skill in ('SAMPLING', 'CONTACT_TRACING', 'MEDICAL', 'DISINFECTION', 'TRANSPORT', 'SITE_MANAGEMENT')),
    headcount   integer      not null check (headcount between 1 and 500),
    home_county varchar(12)  not null references county (code),
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64)  not null
);
create index team_skill on team (skill);

-- Days a team cannot be deployed (rest, training).
create table team_unavailable_day (
    team_code varchar(32) not null references team (code),
    off_date  date        not null,
    primary key (team_code, off_date)
);

-- Where a team works, once a plan is published (written by planning through the personnel service).
create sequence team_deployment_seq start with 1 increment by 50;
create table team_deployment (
    id          bigint       not null primary key,
    team_code   varchar(32)  not null references team (code),
    county_code varchar(12)  not null references county (code),
    from_date   date         not null,
    to_date     date         not null,
    reference   varchar(128) not null,
    check (to_date >= from_date)
);
create index team_deployment_team on team_deployment (team_code, from_date);

create sequence allocation_request_seq start with 1 increment by 50;
create table allocation_request (
    id            bigint       not null primary key,
    county_code   varchar(12)  not null references county (code),
    requester     varchar(64)  not null,
    priority      varchar(10)  not null check (priority in ('ROUTINE', 'URGENT', 'CRITICAL')),
    needed_by     date         not null,
    justification varchar(1000),
    status        varchar(20)  not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'PLANNED', 'DISPATCHED', 'FULFILLED', 'PARTIALLY_FULFILLED', 'CANCELLED')),
    decision_note varchar(500),
    decided_by    varchar(64),
    decided_at    timestamp with time zone,
    version       bigint       not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(64)  not null
);
create index allocation_request_county on allocation_request (county_code, status);
create index allocation_request_status on allocation_request (status, priority);

create sequence allocation_line_seq start with 1 increment by 50;
create table allocation_line (
    id                  bigint      not null primary key,
    request_id          bigint      not null references allocation_request (id),
    line_no             integer     not null,
    kind                varchar(16) not null check (kind in ('SUPPLY', 'TEAM', 'ISOLATION_BEDS', 'LAB_THROUGHPUT')),
    item_code           varchar(32) references supply_item (code),
    skill               varchar(20),
    quantity            bigint      not null check (quantity > 0),
    from_date           date,
    days                integer     check (days > 0),
    quantity_planned    bigint      not null check (quantity_planned >= 0),
    quantity_dispatched bigint      not null check (quantity_dispatched >= 0),
    quantity_delivered  bigint      not null check (quantity_delivered >= 0),
    unique (request_id, line_no),
    check (kind <> 'SUPPLY' or item_code is not null),
    check (kind <> 'TEAM' or skill is not null),
    check (kind = 'SUPPLY' or (from_date is not null and days is not null))
);

-- A supply line fulfilled from a depot: reserved when planned, moved out on dispatch, in on delivery.
create sequence shipment_seq start with 1 increment by 50;
create table shipment (
    id             bigint      not null primary key,
    request_id     bigint      not null references allocation_request (id),
    line_id        bigint      not null references allocation_line (id),
    from_depot     varchar(32) not null references depot (code),
    to_county      varchar(12) not null references county (code),
    to_depot       varchar(32) references depot (code),
    item_code      varchar(32) not null references supply_item (code),
    quantity       bigint      not null check (quantity > 0),
    state          varchar(10) not null check (state in ('PLANNED', 'DISPATCHED', 'DELIVERED', 'CANCELLED')),
    reservation_id bigint      references stock_reservation (id),
    reference      varchar(128),
    version        bigint      not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    updated_by     varchar(64) not null
);
create index shipment_request on shipment (request_id);
create index shipment_county on shipment (to_county, state);

-- The lots a dispatched shipment carries, so delivery books the same lots in.
create table shipment_lot (
    shipment_id bigint      not null references shipment (id),
    lot         varchar(64) not null,
    expires_on  date        not null,
    quantity    bigint      not null check (quantity > 0),
    primary key (shipment_id, lot)
);

-- Planning runs: queued, solved by whichever instance claims them, drafted, published.
create sequence plan_run_seq start with 1 increment by 1;
create table plan_run (
    id                 bigint       not null primary key,
    status             varchar(12)  not null check (status in ('QUEUED', 'SOLVING', 'DRAFT', 'PUBLISHED', 'SUPERSEDED', 'FAILED', 'CANCELLED')),
    plan_date          date         not null,
    horizon_days       integer      not null check (horizon_days between 1 and 31),
    time_limit_seconds integer      not null check (time_limit_seconds between 1 and 3600),
    reason             varchar(200) not null,
    score              varchar(100),
    created_by         varchar(64)  not null,
    created_at         timestamp with time zone not null,
    started_at         timestamp with time zone,
    ended_at           timestamp with time zone,
    claimed_by         varchar(128),
    error              varchar(1000),
    result             text,
    published_at       timestamp with time zone,
    published_by       varchar(64)
);
create index plan_run_status on plan_run (status, id);
