-- Scheduled planning (nightly run, periodic trigger check) that happens once per slot across
-- replicas, plan runs that a surviving replica can reclaim, and rebalancing from a published plan.

-- One row per scheduled job: a replica claims a slot by moving last_slot forward with a
-- conditional update, so exactly one replica acts on each slot.
create table planning_job (
    name      varchar(32) not null primary key,
    last_slot timestamp with time zone,
    last_by   varchar(128)
);
-- PUBLISH is no job: publishing locks its row, so that two publishes serialize even when no plan
-- is in force yet (there is then no published row to lock).
insert into planning_job (name) values ('NIGHTLY'), ('TRIGGERS'), ('PUBLISH');

alter table plan_run add column kind varchar(10) default 'MANUAL' not null;
alter table plan_run add constraint plan_run_kind check (kind in ('MANUAL', 'NIGHTLY', 'REBALANCE'));
-- The scheduled slot a run was created for; null for runs asked for through the API.
alter table plan_run add column slot timestamp with time zone;
create unique index plan_run_slot on plan_run (kind, slot);
-- A solving run whose lease has passed is claimed again by another replica.
alter table plan_run add column lease_until timestamp with time zone;
alter table plan_run add column attempts integer default 0 not null;
-- DELETE /api/plans/{id} on any replica asks the replica solving the run to stop early.
alter table plan_run add column stop_requested boolean default false not null;
-- The published plan this run started from; publishing is refused once another was published.
alter table plan_run add column base_plan_id bigint references plan_run (id);
-- The published plan's assignments scored on this run's problem: what auto-publish must not worsen.
alter table plan_run add column baseline_score varchar(100);
alter table plan_run add column changed_assignments integer;
-- What publishing recorded as planned on team, bed and lab lines (JSON), taken back exactly when
-- a later plan replaces this one.
alter table plan_run add column coverage text;
alter table plan_run alter column reason set data type varchar(1000);

-- Shipments a plan created, so that a later plan can take back those not yet dispatched.
alter table shipment add column plan_id bigint references plan_run (id);
create index shipment_plan on shipment (plan_id, state);
create index team_deployment_reference on team_deployment (reference);
