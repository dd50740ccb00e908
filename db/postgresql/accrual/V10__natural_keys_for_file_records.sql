-- Bulk-path trims, second step (ADR 0017). A partner record and a flown coupon are known by their
-- natural keys (partner + transaction id; ticket + coupon), which are unique constraints already and
-- the only keys any query looks them up by. The surrogate ids cost every record a sequence call and a
-- primary-key index entry; they only ordered row locks and one listing, which now order by the
-- natural key (lock order) or by file and line (listing).
alter table partner_activity drop column id;
alter table flown_coupon drop column id;
