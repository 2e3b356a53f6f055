-- Isolation sites, labs and teams are edited with optimistic locking and retired like the rest.
alter table isolation_site add column version bigint default 0 not null;
alter table isolation_site add column retired_at timestamp with time zone;
alter table testing_lab add column version bigint default 0 not null;
alter table testing_lab add column retired_at timestamp with time zone;
alter table team add column version bigint default 0 not null;
alter table team add column retired_at timestamp with time zone;
