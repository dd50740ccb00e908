-- Oracle dialect of db/postgresql/accrual/V12__partner_reversals.sql (ADR 0021; the comments there
-- explain it). UNTESTED against Oracle.
alter table partner_activity drop constraint partner_activity_status_ck;
alter table partner_activity add constraint partner_activity_status_ck
    check (status in ('CREDITED', 'PARKED', 'REJECTED', 'REVERSED', 'CANCELLED'));
alter table partner_activity add (
    reversed_at      timestamp with time zone,
    miles_reversed   number(19),   -- base miles taken back (billed back)
    bonus_reversed   number(19),   -- promotion bonus miles taken back
    reversed_file_id number(19),   -- inbound_file.id (no foreign key, as on PostgreSQL)
    reversed_line_no number(10)
);

-- Oracle has no partial indexes. V3's partner_activity_settlement_idx (partner_code, credited_at)
-- stays as it is: it covers every row, the credited ones included. The reversals of a month:
create index partner_activity_reversed_idx on partner_activity (partner_code, reversed_at);
