-- Merge of duplicate members (ADR 0019): the duplicate's miles leave it in one MERGE_OUT entry and
-- reach the survivor in one MERGE_IN entry, whose expiry lots keep the dates the miles had. The
-- duplicate is closed and points at its survivor; member_merge records each merge once.
alter table ledger_entry drop constraint ledger_entry_type_ck;
alter table ledger_entry add constraint ledger_entry_type_ck check (entry_type in
    ('CREDIT', 'DEBIT', 'ADJUSTMENT', 'REVERSAL', 'REDEPOSIT', 'EXPIRY',
     'HOLD', 'HOLD_CAPTURE', 'HOLD_RELEASE', 'HOLD_EXPIRY', 'EXTENSION', 'MERGE_OUT', 'MERGE_IN'));
alter table ledger_entry add constraint ledger_entry_merge_ck check (
    (entry_type <> 'MERGE_OUT' or (amount < 0 and held_delta = 0))
    and (entry_type <> 'MERGE_IN' or (amount > 0 and held_delta = 0)));

alter table member add column merged_into varchar(10);
alter table member add constraint member_merged_closed_ck check (
    merged_into is null or (status = 'CLOSED' and merged_into <> member_number));

create table member_merge (
    duplicate_number varchar(10)  primary key,
    survivor_number  varchar(10)  not null,
    miles            bigint       not null,
    reason           varchar(200) not null,
    merged_by        varchar(60)  not null,
    merged_at        timestamptz  not null,
    constraint member_merge_miles_ck check (miles >= 0),
    constraint member_merge_distinct_ck check (duplicate_number <> survivor_number)
);
create index member_merge_survivor_idx on member_merge (survivor_number);
