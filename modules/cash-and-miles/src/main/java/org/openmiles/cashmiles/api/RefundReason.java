package org.openmiles.cashmiles.api;

/**
 * Why a ticket is refunded. The program decides per reason whether the miles go back to the member
 * (by default a VOLUNTARY refund keeps them, an INVOLUNTARY one, e.g. a cancelled flight,
 * redeposits them).
 */
public enum RefundReason {
  VOLUNTARY,
  INVOLUNTARY
}
