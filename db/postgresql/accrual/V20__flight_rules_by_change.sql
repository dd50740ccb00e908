-- Program administration (issue 20, ADR 0045): a version of a flight earn rule written by an approved
-- change request names it (program.change_request.id; null for versions seeded by migrations), as V16
-- and V17 did for the partner tables: booking-class factors, minimum miles per region, revenue rates
-- and each carrier's earn model. No foreign key: accrual does not reach into the program schema, and
-- the version is written in the approval's transaction, so the request exists.
alter table flight_earn_factor add column change_id bigint;
alter table flight_earn_minimum add column change_id bigint;
alter table revenue_earn_rate add column change_id bigint;
alter table flight_earn_model add column change_id bigint;
