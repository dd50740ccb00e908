package org.openmiles.redemption.api;

/** Cabins of the award chart, lowest first. */
public enum Cabin {
  ECONOMY,
  PREMIUM_ECONOMY,
  BUSINESS
}
