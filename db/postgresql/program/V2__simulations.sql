-- Program administration (issue 20, ADR 0045): the latest simulation of a change on real activity,
-- kept with it so that the approver sees what the change would do before deciding (the result as
-- the program module's Simulation record, in JSON; null for kinds not simulated yet).
alter table change_request add column simulation jsonb;
