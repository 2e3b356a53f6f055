-- The planning desk (issue 19).

-- The best score a solving run has found so far and when, written at most once a second while it
-- solves, so that a scheduler watches a long run improve instead of waiting for its end.
alter table plan_run add column best_score varchar(100);
alter table plan_run add column best_score_at timestamp with time zone;

-- A draft a scheduler discarded: it becomes CANCELLED (it will never be published) and says who
-- discarded it and when.
alter table plan_run add column discarded_at timestamp with time zone;
alter table plan_run add column discarded_by varchar(64);

-- Runs solved before: their best score is their final score.
update plan_run set best_score = score, best_score_at = ended_at where score is not null;
