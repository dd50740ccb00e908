/**
 * The airline's flown-coupon files: format, processing through the two-pass processor into {@link
 * org.openmiles.accrual.api.FlightAccrual}, and the Camel route on {@code airline/flown/inbound}.
 */
package org.openmiles.integration.flown;
