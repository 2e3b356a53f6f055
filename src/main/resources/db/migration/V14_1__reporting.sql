-- The command's daily routine (issue 16): daily reports and their versions, the figures of a
-- closed day's missing counties, each county's daily figures for the board, the problem list and
-- the duty roster.
create sequence daily_report_seq start with 1 increment by 50;
create table daily_report (
    id                 bigint       not null primary key,
    county_code        varchar(12)  not null references county (code),
    report_day         date         not null,
    current_version    integer      not null,
    -- The first submission came after the day's cutoff.
    late               boolean      not null,
    first_submitted_at timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    updated_by         varchar(255) not null,
    constraint daily_report_county_day unique (county_code, report_day)
);
create index daily_report_day on daily_report (report_day);

-- Every version of a report, the current one included; never changed once written.
create table daily_report_version (
    report_id         bigint       not null references daily_report (id),
    version           integer      not null,
    narrative         varchar(4000),
    zero_report       boolean      not null,
    late              boolean      not null,
    -- The figures filled in by the service at submission, as JSON.
    figures           varchar(16000) not null,
    submitted_at      timestamp with time zone not null,
    submitted_by      varchar(255) not null,
    submitted_by_name varchar(255) not null,
    primary key (report_id, version)
);

-- The counties a day expected a report from, fixed when the day's summary is first read after its
-- close, so that a county added or retired later does not change a closed day's summary.
create table report_day_close (
    report_day       date          not null primary key,
    closed_at        timestamp with time zone not null,
    expected_counties varchar(4000) not null
);

-- Each county's figures once a day (the board's charts); one row per county and day.
create table county_day_figures (
    county_code     varchar(12)  not null references county (code),
    figures_day     date         not null,
    beds_physical   bigint       not null,
    beds_ready      bigint       not null,
    beds_free       bigint       not null,
    beds_occupied   bigint       not null,
    beds_converting bigint       not null,
    lab_capacity    bigint       not null,
    lab_received    bigint       not null,
    lab_backlog     bigint       not null,
    updated_at      timestamp with time zone not null,
    updated_by      varchar(255) not null,
    primary key (county_code, figures_day)
);
create index county_day_figures_day on county_day_figures (figures_day);

create sequence tracked_problem_seq start with 1 increment by 50;
create table tracked_problem (
    id              bigint        not null primary key,
    county_code     varchar(12)   not null references county (code),
    category        varchar(16)   not null,
    description     varchar(2000) not null,
    owner_name      varchar(128)  not null,
    owner_phone     varchar(32)   not null,
    measure         varchar(2000) not null,
    deadline        timestamp with time zone not null,
    status          varchar(16)   not null,
    request_id      bigint,
    depot_code      varchar(32),
    site_code       varchar(32),
    lab_code        varchar(32),
    resolution_note varchar(2000),
    created_at      timestamp with time zone not null,
    created_by      varchar(255)  not null,
    updated_at      timestamp with time zone not null,
    updated_by      varchar(255)  not null,
    constraint tracked_problem_category check (category in ('SUPPLY', 'ISOLATION', 'TESTING', 'PERSONNEL', 'OTHER')),
    constraint tracked_problem_status check (status in ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'WITHDRAWN'))
);
create index tracked_problem_county on tracked_problem (county_code, status);
create index tracked_problem_deadline on tracked_problem (status, deadline);

create sequence tracked_problem_event_seq start with 1 increment by 50;
create table tracked_problem_event (
    id          bigint        not null primary key,
    problem_id  bigint        not null references tracked_problem (id),
    occurred_at timestamp with time zone not null,
    actor       varchar(255)  not null,
    action      varchar(16)   not null,
    from_status varchar(16),
    to_status   varchar(16)   not null,
    note        varchar(2000)
);
create index tracked_problem_event_problem on tracked_problem_event (problem_id, id);

create sequence duty_shift_seq start with 1 increment by 50;
create table duty_shift (
    id          bigint       not null primary key,
    county_code varchar(12)  not null references county (code),
    duty_day    date         not null,
    from_time   time         not null,
    to_time     time         not null,
    -- The shift as instants: a shift whose end is not after its start runs into the next day.
    starts_at   timestamp with time zone not null,
    ends_at     timestamp with time zone not null,
    person_name varchar(128) not null,
    phone       varchar(32)  not null,
    duty_role   varchar(64),
    updated_at  timestamp with time zone not null,
    updated_by  varchar(255) not null
);
create index duty_shift_county_day on duty_shift (county_code, duty_day);
create index duty_shift_ends on duty_shift (ends_at);
