/**
 * The member-facing what-if of a planned itinerary (issue 20): the miles it would earn (accrual),
 * the tier progress it would make (tiers) and the Cash &amp; Miles splits it could be paid with
 * (cash-and-miles), together in one read-only answer for booking sites and the console. It lives in
 * the application module because it is the one place that sees all three modules' APIs.
 */
package org.openmiles.app.whatif;
