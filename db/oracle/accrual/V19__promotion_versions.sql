-- Oracle dialect of db/postgresql/accrual/V19__promotion_versions.sql (the comments there explain it).
-- UNTESTED against Oracle. V1 and V6 declared the foreign keys to promotion (code) without names, so
-- they are found in the dictionary and dropped by name.
create table promotion_code (
    code       varchar2(30 char) primary key,
    created_at timestamp with time zone default current_timestamp not null,
    constraint promotion_code_code_ck check (regexp_like(code, '^[A-Z0-9_]{2,30}$', 'c'))
);
insert into promotion_code (code) select code from promotion;

begin
  for c in (select fk.table_name, fk.constraint_name
              from user_constraints fk
              join user_constraints pk on pk.constraint_name = fk.r_constraint_name
             where fk.constraint_type = 'R' and pk.constraint_name = 'PROMOTION_CODE_UK') loop
    execute immediate 'alter table ' || c.table_name || ' drop constraint ' || c.constraint_name;
  end loop;
end;
/
alter table promotion_award add constraint promotion_award_code_fk
    foreign key (promotion_code) references promotion_code (code);
alter table promotion_member_total add constraint promotion_member_total_code_fk
    foreign key (promotion_code) references promotion_code (code);

alter table promotion drop constraint promotion_code_uk;
alter table promotion add (version_from date);
update promotion set version_from = effective_from;
alter table promotion modify (version_from not null);
alter table promotion add constraint promotion_version_uk unique (code, version_from);
alter table promotion add constraint promotion_code_fk foreign key (code) references promotion_code (code);
alter table promotion add (registration_required number(1) default 0 not null);
alter table promotion add constraint promotion_registration_ck check (registration_required in (0, 1));
alter table promotion add (change_id number(19));

create table promotion_registration (
    promotion_code varchar2(30 char)  not null references promotion_code (code),
    member_number  varchar2(10 char)  not null,
    registered_on  date               not null,
    registered_at  timestamp with time zone default current_timestamp not null,
    registered_by  varchar2(100 char) not null,
    constraint promotion_registration_pk primary key (promotion_code, member_number)
);
