-- When a record's miles were issued (a parked record is issued when its member enrolls): partners
-- are billed for the miles issued in a month.
alter table partner_activity add column credited_at timestamptz;
update partner_activity set credited_at = received_at where status = 'CREDITED';
create index partner_activity_settlement_idx on partner_activity (partner_code, credited_at) where status = 'CREDITED';
