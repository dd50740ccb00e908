-- Oracle dialect of db/postgresql/accounts/V6__member_merge.sql (ADR 0019). UNTESTED against Oracle.
alter table ledger_entry drop constraint ledger_entry_type_ck;
alter table ledger_entry add constraint ledger_entry_type_ck check (entry_type in
    ('CREDIT', 'DEBIT', 'ADJUSTMENT', 'REVERSAL', 'REDEPOSIT', 'EXPIRY',
     'HOLD', 'HOLD_CAPTURE', 'HOLD_RELEASE', 'HOLD_EXPIRY', 'EXTENSION', 'MERGE_OUT', 'MERGE_IN'));
alter table ledger_entry add constraint ledger_entry_merge_ck check (
    (entry_type <> 'MERGE_OUT' or (amount < 0 and held_delta = 0))
    and (entry_type <> 'MERGE_IN' or (amount > 0 and held_delta = 0)));

alter table member add merged_into varchar2(10);
alter table member add constraint member_merged_closed_ck check (
    merged_into is null or (status = 'CLOSED' and merged_into <> member_number));

create table member_merge (
    duplicate_number varchar2(10)  primary key,
    survivor_number  varchar2(10)  not null,
    miles            number(19)    not null,
    reason           varchar2(200) not null,
    merged_by        varchar2(60)  not null,
    merged_at        timestamp with time zone not null,
    constraint member_merge_miles_ck check (miles >= 0),
    constraint member_merge_distinct_ck check (duplicate_number <> survivor_number)
);
create index member_merge_survivor_idx on member_merge (survivor_number);
