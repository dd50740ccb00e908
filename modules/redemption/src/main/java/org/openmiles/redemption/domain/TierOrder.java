package org.openmiles.redemption.domain;

import java.util.List;

/**
 * The program's tier codes in rank order, as redemption's rule tables name them (a check constraint
 * keeps the same five; adding a tier is a migration in tiers and here).
 */
public final class TierOrder {
  private static final List<String> CODES =
      List.of("MEMBER", "TITANIUM", "GOLD", "PLATINUM", "MILLION_MILER");

  private TierOrder() {}

  public static int rank(String code) {
    int rank = CODES.indexOf(code);
    if (rank < 0) {
      throw new IllegalArgumentException("unknown tier code " + code);
    }
    return rank;
  }
}
