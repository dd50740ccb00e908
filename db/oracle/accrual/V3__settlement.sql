-- Oracle dialect of db/postgresql/accrual/V3__settlement.sql. UNTESTED against Oracle.
alter table partner_activity add (credited_at timestamp with time zone);
update partner_activity set credited_at = received_at where status = 'CREDITED';
create index partner_activity_settlement_idx on partner_activity (partner_code, credited_at);
