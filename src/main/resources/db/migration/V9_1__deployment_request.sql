-- The request a team deployment serves, so that cancelling the request releases it (no foreign
-- key: personnel stands below requests, and a deployment booked by hand may serve none).
alter table team_deployment add column request_id bigint;
create index team_deployment_request on team_deployment (request_id, to_date);
