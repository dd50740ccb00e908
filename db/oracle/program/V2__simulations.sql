-- Oracle dialect of db/postgresql/program/V2__simulations.sql (the comments there explain it).
-- UNTESTED against Oracle.
alter table change_request add (simulation clob constraint change_request_simulation_ck check (simulation is json));
