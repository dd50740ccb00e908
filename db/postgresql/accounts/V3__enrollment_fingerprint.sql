-- What an enrollment request said, so that a retry with the same Idempotency-Key is recognised even
-- after an agent has edited the member's profile (a hash of the normalised profile as enrolled).
alter table member add column enrollment_fingerprint varchar(64);
