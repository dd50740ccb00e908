-- Booked segments linked to missing-miles claims (ADR 0022). A claim, when filed, links the member's
-- booked segments of the claimed flight (same marketing carrier, flight number, date and origin; same
-- member number or ticket number, as a flown coupon links); a booking file arriving after the claim
-- links its segments that departed by today. A segment keeps its link when the claim is rejected (it
-- is evidence the agent saw) until a newer claim for the flight replaces it; when the claim is
-- credited, its CONFIRMED or WAITLISTED segments become FLOWN with the coupon it credited.
alter table booking_segment add column claim_id bigint references missing_miles_claim (id);
create index booking_segment_claim_idx on booking_segment (claim_id) where claim_id is not null;
-- a booking file links segments to claims by member number or ticket number
create index missing_miles_claim_ticket_idx on missing_miles_claim (ticket_number);
