-- Program administration (issue 20, ADR 0045): a version of the miles expiry policy written by an
-- approved change request names it (program.change_request.id; null for the version seeded by V1). No
-- foreign key: accounts does not reach into the program schema, and the version is written in the
-- approval's transaction, so the request exists. Versions are added from their date and never updated:
-- the policy in force on a date is the row with the greatest effective_from <= the date (posting reads it
-- for the posting date, the expiry job for its as-of date).
alter table expiry_policy add column change_id bigint;
