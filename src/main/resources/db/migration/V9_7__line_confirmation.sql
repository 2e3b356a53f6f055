-- Who confirmed what a team, bed or lab line got (quantity_delivered), when its officer settles it
-- before or instead of its days passing with a plan's coverage in force.
alter table allocation_line add column confirmed_by varchar(64);
alter table allocation_line add column confirmed_at timestamp with time zone;
