-- Program administration (issue 20, ADR 0045): a tier definition's version written by an approved
-- change request names it (program.change_request.id; null for versions seeded by migrations).
alter table tier_definition add column change_id bigint;
