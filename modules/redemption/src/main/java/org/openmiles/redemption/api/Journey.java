package org.openmiles.redemption.api;

/** One way, or a round trip back to the origin. */
public enum Journey {
  ONE_WAY,
  ROUND_TRIP
}
