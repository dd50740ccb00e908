-- The facts are kept in the transactions of the bulk paths (a 1M-record partner or flown-coupon file),
-- which must not slow down by more than 10 % (ADR 0040):
-- - member_day is written once per activity; its activity_date index cost an index insertion each
--   time, for the two readers that scan a window of days (the first-flight campaign rule and the
--   revenue concentration). A BRIN index costs nothing on insertion (days arrive roughly in date
--   order, and a range is summarised by VACUUM) and still narrows those scans to the block ranges
--   of the window.
-- - member_fact and member_partner_category are updated in place once per member per chunk: room
--   on each page lets PostgreSQL keep the new version on the same page without a new primary key
--   entry (a HOT update). Pages written before this keep their old fill until rewritten.
drop index member_day_date_ix;
create index member_day_date_brin on member_day using brin (activity_date);
alter table member_fact set (fillfactor = 80);
alter table member_partner_category set (fillfactor = 80);
