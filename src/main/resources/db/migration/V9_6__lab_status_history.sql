-- A lab's status is kept with its capacity versions, from a date on, so suspending a lab does not
-- rewrite its past days. Existing versions take the lab's current status (when it changed was
-- not recorded before).
alter table lab_capacity add column status varchar(10) default 'ACTIVE' not null;
alter table lab_capacity add constraint lab_capacity_status check (status in ('ACTIVE', 'SUSPENDED'));
update lab_capacity set status = (select l.status from testing_lab l where l.code = lab_capacity.lab_code);
