-- Oracle dialect of db/postgresql/retention/V6__facts_cheaper_to_keep.sql (the comments there explain
-- it). UNTESTED against Oracle. Oracle has no BRIN index: the B-tree on activity_date stays. The
-- free space kept in each block for updates in place is Oracle's PCTFREE (new blocks only).
alter table member_fact pctfree 20;
alter table member_partner_category pctfree 20;
