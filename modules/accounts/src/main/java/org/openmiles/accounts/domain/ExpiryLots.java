package org.openmiles.accounts.domain;

import java.util.ArrayList;
import java.util.List;

/** Which expiry lots a debit consumes: oldest expiry date first, then oldest lot. */
public final class ExpiryLots {
  private ExpiryLots() {}

  /** An open lot, as read in consumption order. */
  public record OpenLot(long id, long remaining) {}

  /** Take {@code miles} from lot {@code lotId}. */
  public record Take(long lotId, long miles) {}

  /**
   * Plans the consumption of {@code miles} from {@code lots} (already in consumption order).
   * Returns fewer miles than asked only if the lots run out; the caller decides whether that is an
   * error.
   */
  public static List<Take> consume(List<OpenLot> lots, long miles) {
    if (miles < 0) {
      throw new IllegalArgumentException("miles must not be negative");
    }
    List<Take> takes = new ArrayList<>();
    long left = miles;
    for (OpenLot lot : lots) {
      if (left == 0) {
        break;
      }
      long take = Math.min(left, lot.remaining());
      if (take > 0) {
        takes.add(new Take(lot.id(), take));
        left -= take;
      }
    }
    return takes;
  }

  public static long total(List<Take> takes) {
    return takes.stream().mapToLong(Take::miles).sum();
  }
}
