-- Program administration (issue 20, ADR 0045): a partner earn rule's version written by an approved
-- change request names it (program.change_request.id; null for versions seeded by migrations). No
-- foreign key: accrual does not reach into the program schema, and the version is written in the
-- approval's transaction, so the request exists.
alter table partner_earn_rule add column change_id bigint;
