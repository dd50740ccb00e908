-- Partner reversals (ADR 0021): a partner takes back a record it sent before with an R record of a
-- version 2 file. A CREDITED record becomes REVERSED (one REVERSAL ledger entry P:<partner>:<tx>:R
-- took back its miles and its promotion bonus); a PARKED record becomes CANCELLED (never credited on
-- enrollment). The columns say when, how much and by which file line: a resumed run of that file
-- recognises its own reversal, any other line naming the record again is a duplicate.
--
-- The new columns are nullable without default: the chunk insert of the credit path does not name
-- them and stores nothing more per row.
alter table partner_activity drop constraint partner_activity_status_ck;
alter table partner_activity add constraint partner_activity_status_ck
    check (status in ('CREDITED', 'PARKED', 'REJECTED', 'REVERSED', 'CANCELLED'));
alter table partner_activity add column reversed_at      timestamptz;
alter table partner_activity add column miles_reversed   bigint;  -- base miles taken back (billed back)
alter table partner_activity add column bonus_reversed   bigint;  -- promotion bonus miles taken back
alter table partner_activity add column reversed_file_id bigint;  -- inbound_file.id (no foreign key: V9)
alter table partner_activity add column reversed_line_no integer;

-- Settlement bills the miles issued in a month whether they were reversed later or not: the index
-- covers every record whose miles were issued (credited_at is set for CREDITED and REVERSED records,
-- null for PARKED and CANCELLED ones), which is the same set of rows as before when written.
drop index partner_activity_settlement_idx;
create index partner_activity_settlement_idx on partner_activity (partner_code, credited_at)
    where credited_at is not null;
-- ... and credits back the miles reversed in the month: only reversed rows are in this index.
create index partner_activity_reversed_idx on partner_activity (partner_code, reversed_at)
    where reversed_at is not null;
