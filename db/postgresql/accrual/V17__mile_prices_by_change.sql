-- Program administration (issue 20, ADR 0045): a partner's mile price written by an approved change
-- request names it (program.change_request.id; null for prices seeded by migrations), as V16 did for
-- earn rules.
alter table partner_mile_price add column change_id bigint;
