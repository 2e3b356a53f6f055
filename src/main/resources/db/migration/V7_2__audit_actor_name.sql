-- The display name beside the actor's stable subject (issue 25.9): who it was, in words, when it happened.
alter table audit_record add column actor_name varchar(255);
