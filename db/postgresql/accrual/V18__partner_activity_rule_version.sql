-- Program administration (issue 20, ADR 0045): a partner record keeps the version of the earn rule
-- that rated it (the version's effective_from; with the record's partner and basis, its key in
-- partner_earn_rule), so that a rating done keeps pointing at the version it used after later
-- versions, corrections included, are added. Null for records rated before this migration: the
-- version in force on their activity date then.
alter table partner_activity add column earn_rule_from date;
