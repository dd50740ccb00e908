package org.openmiles.accrual.api;

/** What a partner record's quantity counts: hotel nights, rental days, or money spent. */
public enum EarnBasis {
  STAY_NIGHT,
  RENTAL_DAY,
  SPEND
}
