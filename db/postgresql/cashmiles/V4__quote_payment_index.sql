-- The clean-up job (DefaultCashMilesCleanup) deletes expired quotes that no payment uses: the "no payment"
-- test and the foreign key's own check on each deleted quote look payments up by quote token.
create index payment_quote_ix on payment (quote_token);
