-- Oracle dialect of db/postgresql/accrual/V18__partner_activity_rule_version.sql (the comments there explain it).
-- UNTESTED against Oracle.
alter table partner_activity add (earn_rule_from date);

update partner_activity a
   set earn_rule_from = (select max(r.effective_from) from partner_earn_rule r
                          where r.partner_code = a.partner_code and r.basis = a.basis
                            and r.effective_from <= a.activity_date
                            and (r.effective_to is null or a.activity_date < r.effective_to));
