-- Identity (issue 25 item 9): actors are token subjects, which an identity provider may issue up to
-- 255 characters long (e-mail-style names too), so every column that records an actor takes 255.
-- SET DATA TYPE keeps NOT NULL on both H2 and PostgreSQL.
alter table county alter column updated_by set data type varchar(255);
alter table travel_time_override alter column updated_by set data type varchar(255);
alter table idempotency_record alter column caller set data type varchar(255);
alter table supply_item alter column updated_by set data type varchar(255);
alter table depot alter column updated_by set data type varchar(255);
alter table stock_balance alter column updated_by set data type varchar(255);
alter table stock_movement alter column actor set data type varchar(255);
alter table stock_reservation alter column created_by set data type varchar(255);
alter table stock_reservation alter column closed_by set data type varchar(255);
alter table isolation_site alter column updated_by set data type varchar(255);
alter table isolation_room alter column updated_by set data type varchar(255);
alter table isolation_room_event alter column actor set data type varchar(255);
alter table testing_lab alter column updated_by set data type varchar(255);
alter table lab_capacity alter column updated_by set data type varchar(255);
alter table lab_day_load alter column updated_by set data type varchar(255);
alter table team alter column updated_by set data type varchar(255);
alter table allocation_request alter column requester set data type varchar(255);
alter table allocation_request alter column decided_by set data type varchar(255);
alter table allocation_request alter column updated_by set data type varchar(255);
alter table shipment alter column updated_by set data type varchar(255);
alter table plan_run alter column created_by set data type varchar(255);
alter table plan_run alter column published_by set data type varchar(255);

-- Plan runs (issue 25 item 7): a failed run tells its readers a stable code and a sentence; the
-- exception behind it stays in the log.
alter table plan_run add column error_code varchar(64);
