-- Program administration (issue 20, ADR 0045): a version of the mile value of a currency or of the Cash &
-- Miles rule written by an approved change request names it (program.change_request.id; null for the
-- versions seeded by migrations). No foreign key: cashmiles does not reach into the program schema, and
-- the version is written in the approval's transaction, so the request exists. Versions are added from
-- their date and never updated; quotes keep copying the numbers in force on their date.
alter table mile_value add column change_id bigint;
alter table cash_miles_rule add column change_id bigint;
