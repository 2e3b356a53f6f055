-- Plan runs that do not pile up (issue 12.3) and a queue that one caller cannot flood (issue 25.3).

-- The triggers a REBALANCE run was queued for (a hash of their kinds and subjects), and the state
-- it started from (a hash of the plan date, the plan in force and when each input last changed):
-- a slot whose triggers and state match an unpublished run's would solve the same problem again.
alter table plan_run add column trigger_key varchar(64);
alter table plan_run add column state_key varchar(64);
create index plan_run_trigger on plan_run (trigger_key, id);
-- When retention removed the stored result of an old draft, failed or cancelled run.
alter table plan_run add column purged_at timestamp with time zone;
-- Counting a caller's unfinished runs.
create index plan_run_creator on plan_run (created_by, status);

-- A rebalancing run not queued, and why: one row per skipped trigger-check slot (or per
-- POST /api/plans/rebalance that found the same work already there).
create sequence plan_skip_seq start with 1 increment by 1;
create table plan_skip (
    id          bigint        not null primary key,
    slot        timestamp with time zone,
    rule        varchar(16)   not null check (rule in ('ALREADY_QUEUED', 'UNCHANGED')),
    reason      varchar(1000) not null,
    trigger_key varchar(64)   not null,
    run_id      bigint        not null references plan_run (id),
    skipped_by  varchar(255)  not null,
    skipped_at  timestamp with time zone not null
);
create unique index plan_skip_slot on plan_skip (slot);
create index plan_skip_at on plan_skip (skipped_at);

-- Queueing through the API locks this row, so that two requests of one caller cannot both pass
-- the cap on queued runs, and a rebalance request and a trigger check cannot both queue.
insert into planning_job (name) values ('QUEUE');
