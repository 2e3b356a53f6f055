-- Isolation sites and rooms under conversion. Occupancy is a count only: no personal data.

create table isolation_site (
    code        varchar(32)  not null primary key,
    name        varchar(128) not null,
    county_code varchar(12)  not null references county (code),
    kind        varchar(20)  not null check (kind in ('HOTEL', 'DORMITORY', 'MAKESHIFT_HOSPITAL', 'HOSPITAL_WARD')),
    address     varchar(256),
    contact     varchar(128),
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64)  not null
);
create index isolation_site_county on isolation_site (county_code);

create sequence isolation_room_seq start with 1 increment by 50;
create table isolation_room (
    id                bigint      not null primary key,
    site_code         varchar(32) not null references isolation_site (code),
    room_number       varchar(16) not null,
    beds              integer     not null check (beds between 1 and 50),
    state             varchar(16) not null check (state in ('PLANNED', 'CONVERTING', 'READY', 'OCCUPIED', 'CLEANING', 'OUT_OF_SERVICE')),
    occupants         integer     not null check (occupants >= 0),
    progress          integer     not null check (progress between 0 and 100),
    expected_ready_on date,
    version           bigint      not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(64) not null,
    unique (site_code, room_number),
    constraint occupants_within_beds check (occupants <= beds),
    constraint occupants_only_when_occupied check (occupants = 0 or state = 'OCCUPIED')
);

-- Every accepted transition, in order: the audit trail and the proof that none was lost.
create sequence isolation_room_event_seq start with 1 increment by 50;
create table isolation_room_event (
    id          bigint      not null primary key,
    room_id     bigint      not null references isolation_room (id),
    from_state  varchar(16),
    to_state    varchar(16) not null,
    occupants   integer     not null,
    progress    integer     not null,
    actor       varchar(64) not null,
    occurred_at timestamp with time zone not null
);
create index isolation_room_event_room on isolation_room_event (room_id, id);

-- Nucleic-acid testing labs. Capacity is kept as a history of versions by effective date.

create table testing_lab (
    code        varchar(32)  not null primary key,
    name        varchar(128) not null,
    county_code varchar(12)  not null references county (code),
    status      varchar(10)  not null check (status in ('ACTIVE', 'SUSPENDED')),
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64)  not null
);
create index testing_lab_county on testing_lab (county_code);

create table lab_capacity (
    lab_code       varchar(32) not null references testing_lab (code),
    effective_from date        not null,
    tubes_per_day  integer     not null check (tubes_per_day >= 0),
    pooling_ratio  integer     not null check (pooling_ratio between 1 and 50),
    updated_at     timestamp with time zone not null,
    updated_by     varchar(64) not null,
    primary key (lab_code, effective_from)
);

-- One row per lab and day. Backlog carried in is derived: the sum of (received - tested) before the date ("day" is reserved in H2).
create table lab_day_load (
    lab_code               varchar(32) not null references testing_lab (code),
    load_date              date        not null,
    samples_received       bigint      not null check (samples_received >= 0),
    samples_tested         bigint      not null check (samples_tested >= 0),
    mean_turnaround_hours  double precision check (mean_turnaround_hours >= 0),
    updated_at             timestamp with time zone not null,
    updated_by             varchar(64) not null,
    primary key (lab_code, load_date)
);
