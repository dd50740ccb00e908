-- Program administration (issue 20, ADR 0045): a partner record keeps the version of the earn rule
-- that rated it (the version's effective_from; with the record's partner and basis, its key in
-- partner_earn_rule), so that a rating done keeps pointing at the version it used after later
-- versions, corrections included, are added. The crediting path writes it with the record; records
-- rated before this migration get the version in force on their activity date now (the one the
-- rater chose: the latest start among the versions that apply on that date), which is what their
-- rating used as long as no version was added since.
alter table partner_activity add column earn_rule_from date;

update partner_activity a
   set earn_rule_from = (select max(r.effective_from) from partner_earn_rule r
                          where r.partner_code = a.partner_code and r.basis = a.basis
                            and r.effective_from <= a.activity_date
                            and (r.effective_to is null or a.activity_date < r.effective_to));
