/**
 * The reservation system's booking files: format, processing through the two-pass processor into
 * {@link org.openmiles.accrual.api.BookingAccrual} (expected miles, never posted), and the Camel
 * route on {@code airline/bookings/inbound}.
 */
package org.openmiles.integration.bookings;
