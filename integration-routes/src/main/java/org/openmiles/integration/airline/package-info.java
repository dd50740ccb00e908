/**
 * The host carrier's own feeds, each with its folder tree under {@code airline/<feed>/} and its
 * route: flown-coupon files ({@link org.openmiles.integration.airline.FlownCouponFormat}) credited
 * through {@link org.openmiles.accrual.api.FlightAccrual}, and the reservation system's booking
 * files ({@link org.openmiles.integration.airline.BookingFileFormat}) stored through {@link
 * org.openmiles.accrual.api.BookingAccrual} (expected miles, never posted). Both go through the
 * shared {@link org.openmiles.integration.common.InboundFileProcessor}.
 */
package org.openmiles.integration.airline;
