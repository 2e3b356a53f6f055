-- Reference data is edited with optimistic locking (the version is the ETag) and retired, never
-- deleted: a retired record keeps its history but takes no new work.
alter table county add column version bigint default 0 not null;
alter table county add column retired_at timestamp with time zone;
alter table supply_item add column version bigint default 0 not null;
alter table supply_item add column retired_at timestamp with time zone;
alter table depot add column version bigint default 0 not null;
alter table depot add column retired_at timestamp with time zone;
