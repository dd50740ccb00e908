-- The console shows a member's Cash & Miles payments across all booking engines (read-only,
-- CashMilesPayments.paymentsOfMember): newest first by member.
create index payment_member_ix on payment (member_number, id desc);
