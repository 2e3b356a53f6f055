-- Planning runs that are never lost or stuck (issue 23).

-- Whether the caller named a run's plan date; if not, it is decided when the run is claimed, so a
-- run queued before midnight and solved after it plans from the day it runs. Existing runs keep
-- the date they have.
alter table plan_run add column plan_date_chosen boolean default true not null;
alter table plan_run alter column plan_date_chosen set default false;
